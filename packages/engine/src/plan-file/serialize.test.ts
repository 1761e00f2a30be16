import type { Result } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analysis/analyze.ts';
import type { Plan } from '../plan.ts';
import { plan as makePlan } from '../planner/index.ts';
import { baseDesired, baseSnapshot } from '../testing/index.ts';
import {
  changeOf,
  EVERY_KIND,
  editedText,
  everyKindPlan,
  type Json,
  type PlanJson,
  resealed,
} from './plans.test-support.ts';
import { parsePlan, serializePlan } from './serialize.ts';

const parse = (text: string): Result<Plan> => parsePlan(text, 'plan.json', '0.1.3');

function errorsOf(result: Result<Plan>) {
  if (result.ok) throw new Error('expected the plan to be refused');
  return result.errors;
}

describe('parsePlan', () => {
  it('loads a plan with every change kind exactly as it was saved', () => {
    const plan = everyKindPlan();
    expect(plan.phases.flatMap((p) => p.changes.map((c) => c.kind)).sort()).toEqual(
      Object.keys(EVERY_KIND).sort(),
    );
    const loaded = parse(serializePlan(plan));
    expect(loaded).toEqual({ ok: true, value: plan, warnings: [] });
  });

  it('loads what the planner writes, with the same review', () => {
    const d = baseDesired();
    const desired = {
      ...d,
      accounts: d.accounts.map((a) => (a.name === 'old-app' ? { ...a, parentPath: '/Workloads/Prod' } : a)),
      permissionSets: d.permissionSets.map((p) =>
        p.name === 'ReadOnly'
          ? { ...p, managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] }
          : p,
      ),
      assignments: [
        {
          principal: { type: 'GROUP' as const, name: 'Developers' },
          permissionSet: 'ReadOnly',
          targets: [{ kind: 'ou' as const, path: '/Workloads' }],
          exclude: [],
        },
      ],
    };
    const made = makePlan({ desired, snapshot: baseSnapshot(), toolVersion: '0.1.0', analyze: analyzePlan });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    expect(made.value.analysis.risks.map((r) => r.code)).toContain('admin-in-production');
    expect(parse(serializePlan(made.value))).toEqual({ ok: true, value: made.value, warnings: [] });
  });

  describe('refuses a malformed change with its phase, position, field and value', () => {
    const cases: [string, (json: PlanJson) => void, RegExp, unknown][] = [
      [
        'a number for an email',
        (json) => {
          changeOf(json, 'account-create').email = 42;
        },
        /phase create-accounts, change 1 \(account\/new-app@example\.com\): email must be a string, but it is the number 42/,
        42,
      ],
      [
        'a missing target',
        (json) => {
          delete changeOf(json, 'policy-attachment').target;
        },
        /phase attachments, change 1 \(.*\): target is missing/,
        undefined,
      ],
      [
        'an unknown kind',
        (json) => {
          changeOf(json, 'ou-delete').kind = 'ou-explode';
        },
        /phase delete-ous, change 1 \(ou\/Old\): kind is the string "ou-explode", which is not a known kind/,
        'ou-explode',
      ],
      [
        'an action the kind does not have',
        (json) => {
          changeOf(json, 'account-close').action = 'delete';
        },
        /phase close-accounts, change 1 \(.*\): action must be "close", but it is the string "delete"/,
        'delete',
      ],
      [
        'a field the applier does not know',
        (json) => {
          changeOf(json, 'assignment').runAs = 'root';
        },
        /phase create-assignments, change 1 \(.*\): unknown field runAs/,
        'root',
      ],
      [
        'an OU path that is not a path',
        (json) => {
          changeOf(json, 'ou-create').parentPath = 'Workloads';
        },
        /parentPath must be an OU path starting with "\/"/,
        'Workloads',
      ],
      [
        'a policy document that is not JSON',
        (json) => {
          (changeOf(json, 'policy-update').content as Json).after = '{"Statement": [';
        },
        /phase write-policies, change 2 \(.*\): content\.after must be JSON text/,
        '{"Statement": [',
      ],
      [
        'a nested list of the wrong type',
        (json) => {
          (changeOf(json, 'permission-set-create').after as Json).managedPolicies = 'AdministratorAccess';
        },
        /after\.managedPolicies must be a list, but it is the string "AdministratorAccess"/,
        'AdministratorAccess',
      ],
    ];
    for (const [what, edit, message, value] of cases) {
      it(what, () => {
        const [error, ...more] = errorsOf(parse(editedText(everyKindPlan(), edit)));
        expect(more).toEqual([]);
        expect(error?.code).toBe('plan-file-invalid');
        expect(error?.message).toMatch(message);
        expect(error?.value).toEqual(value);
        expect(error?.path).toMatch(/^phases\[\d+\]\.changes\[\d+\]/);
      });
    }
  });

  it('refuses phases out of the order the applier must run them', () => {
    const text = editedText(everyKindPlan(), (json) => json.phases.reverse());
    const errors = errorsOf(parse(text));
    expect(errors[0]?.code).toBe('plan-file-invalid');
    expect(errors[0]?.message).toMatch(/phases\[1\]\.name must come after/);
  });

  it('asks for a new plan when the file is in format 1, which has no digests', () => {
    const text = editedText(everyKindPlan(), (json) => {
      json.formatVersion = 1;
    });
    const [error] = errorsOf(parse(text));
    expect(error?.message).toContain('plan format version 1 carries no integrity digests');
    expect(error?.fix).toContain('Make a new plan with `orgops plan --out FILE`');
  });

  it('refuses a plan from another major version of orgops', () => {
    const [error] = errorsOf(parsePlan(serializePlan(everyKindPlan()), 'plan.json', '0.2.0'));
    expect(error?.message).toContain('written by orgops 0.1.0; this is orgops 0.2.0');
  });

  it('refuses a change without an observed digest even when the digests were recomputed', () => {
    const text = editedText(everyKindPlan(), (json) => {
      delete (json.observed as Json)['ou/Old'];
    });
    const [error] = errorsOf(parse(resealed(JSON.parse(text) as PlanJson)));
    expect(error?.code).toBe('plan-file-invalid');
    expect(error?.message).toContain('phase delete-ous, change 1 (ou/Old) has no observed digest');
  });

  it('replaces an edited stored review with the recomputed one, and says so', () => {
    const plan = everyKindPlan();
    const text = editedText(plan, (json) => {
      (json.analysis as Json).risks = [];
      (json.summary as Json).total = 1;
    });
    const loaded = parse(text);
    expect(loaded.ok && loaded.value.analysis).toEqual(plan.analysis);
    expect(loaded.ok && loaded.value.summary).toEqual(plan.summary);
    expect(loaded.warnings.map((w) => w.code)).toEqual(['plan-review-recomputed']);
  });
});
