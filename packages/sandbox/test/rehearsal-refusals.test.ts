import type { Snapshot } from '@orgops/engine';
import { readSnapshot } from '@orgops/live';
import { describe, expect, it } from 'vitest';
import { refusalsOf } from '../src/rehearsal-refusals.ts';
import { apply, developersReadOnly, handPlan } from './hand-plan.ts';
import { createAccount, INSTANCE, sandbox, suspendAccount } from './helpers.ts';

const assignment = developersReadOnly;

describe('the refusals of a rehearsal’s apply', () => {
  it('reports a request AWS accepted and then failed by its status, with the reason AWS gave and a fix', async () => {
    // The account is suspended after the apply's freshness read, so CreateAccountAssignment is
    // accepted and its status comes back FAILED, with a reason in prose.
    const sb = sandbox({ asyncPolls: 1 });
    const gone = await createAccount(sb, 'gone');
    await sb.ssoAdmin.createPermissionSet(INSTANCE, { name: 'RO', sessionDuration: 'PT1H', tags: {} });
    suspendAccount(sb, gone);
    const lying = async (backend: unknown): Promise<Snapshot> => {
      const snap = await readSnapshot(backend as typeof sb, {
        principals: [{ type: 'GROUP', name: 'developers' }],
      });
      return { ...snap, accounts: snap.accounts.map((a) => ({ ...a, state: 'ACTIVE' as const })) };
    };
    const result = await apply(sb, await handPlan(sb, [assignment(gone, 'gone')]), {
      readSnapshot: lying,
      continueAfterFailure: true,
    });
    expect(result.outcomes[0]?.error?.code).toBe('async-failed');

    const { refusals, notRehearsed } = refusalsOf(result);
    expect(notRehearsed).toBe(0);
    expect(refusals).toHaveLength(1);
    const [refusal] = refusals;
    // `async-failed` is orgops's name for it; AWS's is the request's status.
    expect(refusal).toMatchObject({
      address: 'assignment/GROUP:developers/RO/gone@example.com',
      operation: 'sso-admin:CreateAccountAssignment',
      code: 'FAILED',
    });
    expect(refusal).not.toHaveProperty('reason');
    expect(refusal?.message).toMatch(/is SUSPENDED; the role cannot be created/);
    expect(refusal?.fix).toMatch(/^AWS accepted the request and then failed it/);
    expect(refusal?.fix).toMatch(/suspended or closing takes no permission sets or assignments/);
  });

  it('reports a failed CreateAccount by its failure reason, given once', async () => {
    const sb = sandbox();
    const state = sb.exportState();
    state.quotas.maxAccounts = 1;
    sb.importState(state);
    const result = await apply(
      sb,
      await handPlan(sb, [
        [
          'create-accounts',
          {
            kind: 'account-create',
            action: 'create',
            email: 'new@example.com',
            name: 'new',
            parentPath: '/',
            tags: {},
            address: 'account/new@example.com',
          },
        ],
      ]),
      { continueAfterFailure: true },
    );
    const { refusals } = refusalsOf(result);
    expect(refusals[0]).toMatchObject({
      code: 'ACCOUNT_LIMIT_EXCEEDED',
      operation: 'organizations:CreateAccount',
    });
    expect(refusals[0]).not.toHaveProperty('reason');
    expect(refusals[0]?.fix).toMatch(/account quota is full/);
  });

  it('calls a failure no AWS call explains a bug, not a refusal', () => {
    const change = assignment('111111111111', 'x')[1];
    expect(() =>
      refusalsOf({
        outcomes: [
          {
            phase: 'create-assignments',
            address: change.address,
            change,
            status: 'failed',
            error: { code: 'unknown-account', message: 'no such account' },
          },
        ],
      }),
    ).toThrow(/a bug in orgops/);
  });
});
