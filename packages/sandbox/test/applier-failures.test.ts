import type { Change, PhaseName } from '@orgops/engine';
import { ServiceError } from '@orgops/live';
import { account, FullAWSAccess, organizationalUnit, organizationRoot } from '@orgops/model';
import { managementIn, testOrganization } from '@orgops/model/testing';
import { describe, expect, it } from 'vitest';
import { planFor } from './e2e-helpers.ts';
import { apply, handPlan } from './hand-plan.ts';
import { doc, SCP, STORE, sandbox } from './helpers.ts';

describe('failure midway', () => {
  it('stops, reports done / failed / not started, and the next plan+apply converges', async () => {
    const { converge } = await import('./e2e-helpers.ts');
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const ous = ['A', 'B', 'C'].map((n) => organizationalUnit(n, { parent: root }));
    const config = testOrganization({
      root,
      organizationalUnits: ous,
      accounts: [
        managementIn(root),
        ...ous.map((ou, i) => account({ name: `acct-${i}`, email: `acct-${i}@example.com`, parent: ou })),
      ],
    });
    let armed = true;
    const sb = sandbox({
      failOn: (op, n) =>
        armed && op === 'organizations:MoveAccount' && n === 2
          ? new ServiceError('organizations', 'MoveAccount', 'ServiceException', 'injected outage')
          : undefined,
    });
    const p = await planFor(sb, config);
    const result = await apply(sb, p);
    expect(result.ok).toBe(false);
    expect(result.counts.failed).toBe(1);
    const failed = result.outcomes.find((o) => o.status === 'failed')!;
    expect(failed.error).toMatchObject({
      code: 'ServiceException',
      message: expect.stringContaining('injected outage'),
    });
    expect(result.outcomes.filter((o) => o.phase === 'create-ous').every((o) => o.status === 'done')).toBe(
      true,
    );
    expect(result.outcomes.every((o) => o.status !== 'not-started' || o.phase !== 'create-ous')).toBe(true);
    // Every outcome is accounted for, in plan order.
    expect(result.outcomes.map((o) => o.address)).toEqual(
      p.phases.flatMap((ph) => ph.changes.map((c) => c.address)),
    );
    armed = false;
    await converge(sb, config);
    expect(sb.exportState().accounts).toHaveLength(4);
  });

  it('does not start queued work after a failure', async () => {
    const sb = sandbox({
      asyncPolls: 1,
      failOn: (op, n) =>
        op === 'organizations:CreatePolicy' && n === 1
          ? new ServiceError('organizations', 'CreatePolicy', 'ServiceException', 'down')
          : undefined,
    });
    const changes: [PhaseName, Change][] = [
      [
        'write-policies',
        {
          kind: 'policy-create',
          action: 'create',
          policyType: SCP,
          name: 'p1',
          description: '',
          content: doc(),
          tags: {},
          address: `policy/${SCP}/p1`,
        },
      ],
      [
        'attachments',
        {
          kind: 'policy-attachment',
          action: 'attach',
          policyType: SCP,
          policyName: 'p1',
          target: { kind: 'root' },
          address: `attachment/${SCP}/p1@/`,
        },
      ],
    ];
    const result = await apply(sb, await handPlan(sb, changes));
    expect(result.outcomes.map((o) => o.status)).toEqual(['failed', 'not-started']);
    expect(result.stats.calls['organizations:AttachPolicy']).toBeUndefined();
    void STORE;
  });
});

describe('a malformed document', () => {
  it('fails the apply like AWS (MalformedPolicyDocumentException) and creates nothing', async () => {
    const sb = sandbox();
    const content = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Actions: 'kms:*', Resource: '*' }],
    });
    const change: [PhaseName, Change] = [
      'write-policies',
      {
        kind: 'policy-create',
        action: 'create',
        policyType: SCP,
        name: 'deny-kms',
        description: '',
        content,
        tags: {},
        address: `policy/${SCP}/deny-kms`,
      },
    ];
    const result = await apply(sb, await handPlan(sb, [change]));
    expect(result.ok).toBe(false);
    expect(result.outcomes.find((o) => o.status === 'failed')?.error).toMatchObject({
      code: 'MalformedPolicyDocumentException',
      message: expect.stringContaining('did you mean Action?'),
    });
    expect(sb.exportState().policies.map((p) => p.name)).not.toContain('deny-kms');
  });
});
