import type { ApplyEvent } from '@orgops/live';
import {
  account,
  assign,
  FullAWSAccess,
  group,
  organizationalUnit,
  organizationRoot,
  serviceControlPolicy,
} from '@orgops/model';
import { managementIn, readOnlyPermissionSet, testOrganization } from '@orgops/model/testing';
import { describe, expect, it } from 'vitest';
import { SEED_GROUPS } from '../src/index.ts';
import { applyFor, planFor } from './e2e-helpers.ts';
import { sandbox } from './helpers.ts';
import { type Happened, orderingViolations, recordHappened } from './ordering-agreement.ts';

const deny = (name: string, action: string) =>
  serviceControlPolicy({
    name,
    content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: '*' }] },
  });

/** New nested OUs with guardrails, new accounts under them with their own SCP, and access. */
function organization() {
  const root = organizationRoot({ policies: [FullAWSAccess] });
  const noLeave = deny('NoLeave', 'organizations:LeaveOrganization');
  const noS3 = deny('NoS3Delete', 's3:DeleteBucket');
  const workloads = organizationalUnit('Workloads', { parent: root, policies: [FullAWSAccess, noLeave] });
  const prod = organizationalUnit('Prod', { parent: workloads, policies: [FullAWSAccess, noS3] });
  const accounts = [1, 2, 3].map((i) =>
    account({ name: `app-${i}`, email: `app-${i}@example.com`, parent: prod, policies: [noS3] }),
  );
  const readOnly = readOnlyPermissionSet();
  return testOrganization({
    root,
    organizationalUnits: [workloads, prod],
    accounts: [managementIn(root), ...accounts],
    policies: [noLeave, noS3],
    permissionSets: [readOnly],
    assignments: [assign(group(SEED_GROUPS[0]!), readOnly, accounts)],
  });
}

describe('the planner and the applier agree on the ordering module', () => {
  it('runs nothing before a change the module says must precede it', async () => {
    const sb = sandbox({ asyncPolls: 2 });
    const plan = await planFor(sb, organization());
    const events: ApplyEvent[] = [];
    const happened: Happened[] = [];
    const record = recordHappened(happened);
    const result = await applyFor(sb, plan, events);
    for (const e of events) record(e);
    expect(result.ok).toBe(true);
    const { violations, pairs } = orderingViolations(plan, happened);
    expect(violations).toEqual([]);
    // Phases, serial phases and per-target attachments all constrained this apply.
    expect(pairs).toBeGreaterThan(100);
    const phases = plan.phases.map((p) => p.name);
    expect(phases).toEqual(
      expect.arrayContaining([
        'create-ous',
        'write-policies',
        'attachments',
        'create-accounts',
        'attach-new-accounts',
      ]),
    );
  });

  it('names a change the applier started before one that must precede it', () => {
    const change = (action: 'attach' | 'detach', policyName: string) =>
      ({
        kind: 'policy-attachment',
        action,
        policyType: 'SERVICE_CONTROL_POLICY',
        policyName,
        target: { kind: 'ou', path: '/Prod' },
        address: `attachment/SERVICE_CONTROL_POLICY/${policyName}/ou/Prod`,
      }) as const;
    const attach = change('attach', 'Guardrails');
    const detach = change('detach', 'FullAWSAccess');
    const plan = { phases: [{ name: 'attachments' as const, changes: [attach, detach] }] };
    expect(
      orderingViolations(plan, [
        { start: attach },
        { end: attach.address },
        { start: detach },
        { end: detach.address },
      ]),
    ).toEqual({ violations: [], pairs: 1 });
    // Overlapped: the detach of the last SCP starts while the attach that keeps one is in flight.
    expect(
      orderingViolations(plan, [
        { start: attach },
        { start: detach },
        { end: attach.address },
        { end: detach.address },
      ]).violations,
    ).toEqual([
      'attachments detach attachment/SERVICE_CONTROL_POLICY/FullAWSAccess/ou/Prod started before attachments attach attachment/SERVICE_CONTROL_POLICY/Guardrails/ou/Prod finished',
    ]);
  });
});
