import { describe, expect, it } from 'vitest';
import { plan } from '../planner/index.ts';
import { renderPlanMarkdown } from '../render/markdown.ts';
import { baseDesired, baseSnapshot } from '../testing/index.ts';
import { analyzePlan } from './analyze.ts';

/**
 * The analysis fed with what the real planner emits (not hand-built changes), so a change in the
 * planner's output shape that the review would misread shows up here.
 */
describe('analysis of planner output', () => {
  it('reads the planner’s assignment, permission-set, attachment and move changes', () => {
    const d = baseDesired();
    const desired = {
      ...d,
      accounts: d.accounts.map((a) => (a.name === 'old-app' ? { ...a, parentPath: '/Workloads/Dev' } : a)),
      attachments: d.attachments.filter((a) => a.policyName !== 'deny-leave-org'),
      permissionSets: d.permissionSets.map((p) =>
        p.name === 'ReadOnly'
          ? {
              ...p,
              sessionDuration: 'PT8H',
              managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
            }
          : p,
      ),
      assignments: [
        {
          principal: { type: 'GROUP' as const, name: 'Admins' },
          permissionSet: 'Admin',
          targets: [{ kind: 'ou' as const, path: '/Workloads' }],
          exclude: [],
        },
        {
          principal: { type: 'GROUP' as const, name: 'Developers' },
          permissionSet: 'ReadOnly',
          targets: [{ kind: 'account' as const, email: 'dev-app@example.com' }],
          exclude: [],
        },
      ],
    };
    const result = plan({ desired, snapshot: baseSnapshot(), toolVersion: '0.1.0', analyze: analyzePlan });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { analysis } = result.value;

    expect(
      analysis.access.map((a) => [
        a.effect,
        a.principal.name,
        a.permissionSet,
        a.accounts.map((x) => `${x.name}@${x.ouPath}`),
      ]),
    ).toEqual([
      ['gains', 'Admins', 'Admin', ['old-app@/Workloads/Dev', 'prod-app@/Workloads/Prod']],
      ['loses', 'Developers', 'ReadOnly', ['prod-app@/Workloads/Prod']],
      ['changed', 'Developers', 'ReadOnly', ['dev-app@/Workloads/Dev']],
    ]);
    expect(analysis.access[2]?.details).toEqual([
      'session 4h -> 8h',
      '+ managed policy AdministratorAccess',
      '- managed policy ReadOnlyAccess',
    ]);
    expect(
      analysis.guardrails.map((g) => [g.target, g.items.map((i) => `${i.effect} ${i.policyName}`)]),
    ).toEqual([['/', ['removed deny-leave-org']]]);
    expect(analysis.risks.map((r) => `${r.level}:${r.code}`)).toEqual([
      'high:admin-in-production',
      'high:guardrail-removed',
      'medium:admin-access-gained',
      'medium:long-admin-session',
      'medium:account-moved',
    ]);
    // Every risk points at changes that are in the plan.
    const addresses = new Set(result.value.phases.flatMap((p) => p.changes.map((c) => c.address)));
    for (const r of analysis.risks) for (const a of r.addresses) expect(addresses).toContain(a);

    const md = renderPlanMarkdown(result.value);
    expect(md).toContain(
      '| group `Admins` | `Admin` | old-app (333333333333) in `/Workloads/Dev`<br>prod-app',
    );
  });
});
