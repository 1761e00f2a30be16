import type { Change, PhaseName } from '@orgops/engine';
import { describe, expect, it } from 'vitest';
import { accountCreate, apply, handPlan } from './hand-plan.ts';
import { ROOT, SCP, sandbox } from './helpers.ts';

const ou = (name: string): [PhaseName, Change] => [
  'create-ous',
  {
    kind: 'ou-create',
    action: 'create',
    path: `/${name}`,
    name,
    parentPath: '/',
    tags: {},
    address: `ou/${name}`,
  },
];
const detachLastScp: [PhaseName, Change] = [
  'attachments',
  {
    kind: 'policy-attachment',
    action: 'detach',
    policyType: SCP,
    policyName: 'FullAWSAccess',
    target: { kind: 'root' },
    address: `attachment/${SCP}/FullAWSAccess@/`,
  },
];

describe('the applier’s errors and continueAfterFailure', () => {
  it('names the AWS operation and, for a failed CreateAccount, the failure reason AWS gives', async () => {
    const sb = sandbox();
    const state = sb.exportState();
    state.quotas.maxAccounts = 1; // the management account fills it
    sb.importState(state);
    const result = await apply(sb, await handPlan(sb, [accountCreate(1)]));
    expect(result.outcomes[0]?.error).toMatchObject({
      code: 'create-account-failed',
      operation: 'organizations:CreateAccount',
      reason: 'ACCOUNT_LIMIT_EXCEEDED',
    });
  });

  it('names the operation of a refused call', async () => {
    const sb = sandbox();
    const result = await apply(sb, await handPlan(sb, [detachLastScp]));
    expect(result.outcomes[0]?.error).toMatchObject({
      code: 'ConstraintViolationException',
      reason: 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
      operation: 'organizations:DetachPolicy',
    });
  });

  it('stops at the first failure by default, and goes on to the end with continueAfterFailure', async () => {
    const changes = [ou('A'), detachLastScp, ou('B'), accountCreate(1)];
    const stopped = sandbox();
    const halted = await apply(stopped, await handPlan(stopped, changes));
    expect(halted.outcomes.map((o) => o.status)).toEqual(['done', 'done', 'failed', 'not-started']);

    const twin = sandbox();
    const all = await apply(twin, await handPlan(twin, changes), { continueAfterFailure: true });
    expect(all.outcomes.map((o) => o.status)).toEqual(['done', 'done', 'failed', 'done']);
    expect(all.ok).toBe(false);
    expect(twin.exportState().ous.map((o) => o.name)).toEqual(['A', 'B']);
    expect(twin.exportState().root.id).toBe(ROOT);
  });
});
