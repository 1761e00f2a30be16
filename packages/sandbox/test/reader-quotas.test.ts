import { readSnapshot, ServiceError } from '@orgops/live';
import { describe, expect, it } from 'vitest';
import { createSandbox, seedState } from '../src/index.ts';

describe('readSnapshot and the account quota', () => {
  it('reads the quota through the quotas port', async () => {
    const snapshot = await readSnapshot(createSandbox(seedState({ maxAccounts: 37 })));
    expect(snapshot.quotas).toEqual({ maxAccounts: 37 });
  });

  it('records why the quota is unknown when the caller may not read it, and still reads the rest', async () => {
    const sb = createSandbox(undefined, {
      failOn: (op) =>
        op === 'service-quotas:GetServiceQuota'
          ? new ServiceError('service-quotas', 'GetServiceQuota', 'AccessDeniedException', 'not allowed')
          : undefined,
    });
    const snapshot = await readSnapshot(sb);
    expect(snapshot.quotas).toEqual({
      maxAccountsUnreadable: 'service-quotas:GetServiceQuota failed with AccessDeniedException',
    });
    expect(snapshot.accounts).toHaveLength(1);
  });
});
