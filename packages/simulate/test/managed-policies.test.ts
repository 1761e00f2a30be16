import { describe, expect, it } from 'vitest';
import { awsManagedPolicy } from '../src/index.ts';

describe('AWS managed policy documents', () => {
  it('returns the current document of a managed policy, paths included', async () => {
    const admin = await awsManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(admin.document).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    const viewOnly = await awsManagedPolicy('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess');
    expect(viewOnly.versionId).toMatch(/^v\d+$/);
  });

  it('refuses a misspelt, unknown or customer managed ARN with a coded error', async () => {
    for (const arn of [
      'arn:aws:iam::aws:policy/AdministratorAcess',
      'arn:aws:iam::aws:policy/ViewOnlyAccess',
      'arn:aws:iam::111122223333:policy/team',
    ]) {
      await expect(awsManagedPolicy(arn), arn).rejects.toMatchObject({ code: 'managed-policy-unknown' });
    }
  });
});
