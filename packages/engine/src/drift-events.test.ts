import { describe, expect, it } from 'vitest';
import { analyzePlan } from './analysis/analyze.ts';
import type { Change } from './change.ts';
import { analyzeOutOfBand, outOfBandChanges } from './drift-events.ts';
import {
  ACCOUNTS,
  accountMove,
  assignment,
  attachment,
  baseDesired,
  baseSnapshot,
  DENY_LEAVE,
  GROUPS,
  permissionSetUpdate,
  policyUpdate,
} from './testing/index.ts';

const codes = (risks: readonly { level: string; code: string }[]) => risks.map((r) => `${r.level}:${r.code}`);

describe('risks of what happened outside orgops', () => {
  it('rates a hand-made admin grant to a user in production as a plan gain would be rated', async () => {
    // The plan that reverts the drift deletes the grant: by itself, no risk.
    const revert = [assignment('delete', GROUPS.alice, 'Admin', ACCOUNTS.prod)];
    const input = { changes: revert, desired: baseDesired(), snapshot: baseSnapshot() };
    expect(codes(analyzePlan(input).risks)).toEqual([]);
    const drift = await analyzeOutOfBand(input);
    expect(codes(drift.risks)).toEqual(['high:admin-in-production', 'low:assignment-to-user']);
    expect(drift.risks[0]?.message).toBe(
      'user alice gains Admin (admin-equivalent access) in 1 production account: prod-app (111111111111) in /Workloads/Prod',
    );
    expect(drift.access.map((r) => `${r.effect} ${r.principal.name} ${r.permissionSet}`)).toEqual([
      'gains alice Admin',
    ]);
  });

  it('reads guardrails detached or edited by hand, and permission sets widened by hand, as what they did', async () => {
    const weakened =
      '{"Statement":[{"Action":"organizations:LeaveOrganization","Condition":{"ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::*:role/*"]}},"Effect":"Deny","Resource":"*"}],"Version":"2012-10-17"}';
    const revert: Change[] = [
      attachment('attach', 'deny-leave-org', { kind: 'root' }),
      // What AWS holds (the hand edit) -> what config says.
      policyUpdate({ content: { before: weakened, after: DENY_LEAVE } }),
      permissionSetUpdate(
        'ReadOnly',
        { managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] },
        { managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] },
      ),
    ];
    const input = { changes: revert, desired: baseDesired(), snapshot: baseSnapshot() };
    expect(codes(analyzePlan(input).risks)).toEqual([]);
    expect(codes((await analyzeOutOfBand(input)).risks)).toEqual([
      'high:admin-in-production',
      'high:guardrail-removed',
      'high:guardrail-exemption-widened',
      'medium:long-admin-session',
    ]);
  });

  it('reverses every change kind it reads and leaves out the rest', () => {
    const move = accountMove(ACCOUNTS.dev, '/Suspended', '/Workloads/Dev');
    const provision: Change = {
      kind: 'permission-set-provision',
      action: 'provision',
      address: 'provision/ReadOnly',
      name: 'ReadOnly',
      accounts: [ACCOUNTS.dev],
    };
    expect(outOfBandChanges([move, provision])).toEqual([
      { ...move, fromPath: '/Workloads/Dev', toPath: '/Suspended' },
    ]);
    expect(
      outOfBandChanges([
        { kind: 'trusted-service', action: 'enable', servicePrincipal: 'sso.amazonaws.com', address: 't' },
        { kind: 'policy-type', action: 'enable', policyType: 'SERVICE_CONTROL_POLICY', address: 'p' },
      ]).map((c) => c.action),
    ).toEqual(['disable', 'disable']);
  });
});
