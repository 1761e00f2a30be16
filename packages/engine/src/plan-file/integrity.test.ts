import type { Diagnostic } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { changesDigest } from './changes-digest.ts';
import {
  ADMIN,
  changeOf,
  editedText,
  everyKindPlan,
  type Json,
  type PlanJson,
  resealed,
} from './plans.test-support.ts';
import { parsePlan } from './serialize.ts';

function refusal(text: string): Diagnostic[] {
  const result = parsePlan(text, 'plan.json', '0.1.0');
  if (result.ok) throw new Error('expected the plan to be refused');
  return [...result.errors];
}

const messages = (text: string): string[] => refusal(text).map((e) => `${e.code} ${e.path}: ${e.message}`);

describe('a plan file altered after it was made', () => {
  it('is refused, naming each altered change by phase, position and address', () => {
    const text = editedText(everyKindPlan(), (json) => {
      changeOf(json, 'account-create').email = 'attacker@example.net';
      ((changeOf(json, 'permission-set-update') as { after: Json }).after as Json).managedPolicies = [ADMIN];
    });
    expect(messages(text)).toEqual([
      'plan-file-altered phases[4].changes[0]: plan.json: phase create-accounts, change 1 (account/new-app@example.com) was altered after the plan was made.',
      'plan-file-altered phases[7].changes[1]: plan.json: phase write-permission-sets, change 2 (permission-set/ReadOnly) was altered after the plan was made.',
    ]);
    expect(refusal(text)[0]?.fix).toContain('make a new plan with `orgops plan --out FILE`');
  });

  it('names an added change, a removed one and a change whose address was edited', () => {
    const added = editedText(everyKindPlan(), (json) => {
      const phase = json.phases.find((p) => p.name === 'create-assignments')!;
      phase.changes.push({ ...phase.changes[0]!, permissionSet: 'ReadOnly', address: 'assignment/extra' });
    });
    expect(messages(added)).toContain(
      'plan-file-altered phases[9].changes[1]: plan.json: phase create-assignments, change 2 (assignment/extra) is not one of the changes the plan was made with (added, or its address was altered).',
    );
    const removed = editedText(everyKindPlan(), (json) => {
      json.phases.find((p) => p.name === 'delete-ous')!.changes = [];
    });
    expect(messages(removed)).toContain(
      'plan-file-altered phases: plan.json: change ou/Old was removed after the plan was made.',
    );
    const readdressed = editedText(everyKindPlan(), (json) => {
      changeOf(json, 'ou-delete').address = 'ou/Elsewhere';
    });
    expect(messages(readdressed)).toEqual([
      'plan-file-altered phases[11].changes[0]: plan.json: phase delete-ous, change 1 (ou/Elsewhere) is not one of the changes the plan was made with (added, or its address was altered).',
      'plan-file-altered phases: plan.json: change ou/Old was removed after the plan was made.',
    ]);
  });

  it('notices changes reordered, or moved to the next phase without changing their order', () => {
    const reordered = editedText(everyKindPlan(), (json) => {
      json.phases.find((p) => p.name === 'place-accounts')!.changes.reverse();
    });
    expect(messages(reordered)).toEqual([
      'plan-file-altered phases: plan.json: the changes were reordered after the plan was made.',
    ]);
    // The last change of one phase becomes the first of the next: the flat order is unchanged.
    const moved = editedText(everyKindPlan(), (json) => {
      const at = json.phases.findIndex((p) => p.name === 'provision');
      json.phases[at + 1]!.changes.unshift(json.phases[at]!.changes.pop()!);
    });
    expect(messages(moved)).toEqual([
      "plan-file-altered phases: plan.json: the plan's phase layout was altered after the plan was made.",
    ]);
  });

  it('names every other part of the plan that was altered', () => {
    const cases: [(json: PlanJson) => void, string][] = [
      [(json) => ((json.target as Json).organizationId = 'o-other'), "the plan's target organization was"],
      [
        (json) => ((json.observed as Json)['ou/Old'] = 'ffffffffffffffff'),
        "the plan's observed-object digests were",
      ],
      [(json) => (json.warnings = []), "the plan's warnings were"],
      [
        (json) => (((json.reviewContext as Json).desired as Json).accounts = []),
        "the plan's review context was",
      ],
      [
        (json) => (json.createdAt = '2030-01-01T00:00:00.000Z'),
        "the plan's tool version, limits version or creation time was",
      ],
    ];
    for (const [edit, words] of cases) {
      const [only, ...rest] = messages(editedText(everyKindPlan(), edit));
      expect(rest).toEqual([]);
      expect(only).toContain(`${words} altered after the plan was made.`);
    }
  });

  it('notices edited digests as well as edited content', () => {
    const plan = everyKindPlan();
    const digest = editedText(plan, (json) => {
      json.integrity.changes = changesDigest([]);
    });
    expect(messages(digest)).toEqual([
      'plan-file-altered integrity.changes: plan.json: the changes digest was altered (integrity.changes).',
    ]);
    const perChange = editedText(plan, (json) => {
      (json.integrity.perChange as Json[]).reverse();
    });
    expect(messages(perChange)).toEqual([
      'plan-file-altered integrity.perChange: plan.json: the per-change digests were altered (integrity.perChange).',
    ]);
  });

  it('cannot stop a deliberate edit whose digests were recomputed, but the review then shows the edit', () => {
    const plan = everyKindPlan();
    const before = plan.analysis.access.find((a) => a.effect === 'changed' && a.permissionSet === 'ReadOnly');
    expect(before?.details).not.toContain('+ managed policy AdministratorAccess');
    const text = resealed(
      JSON.parse(
        editedText(plan, (json) => {
          const update = changeOf(json, 'permission-set-update') as { before: Json; after: Json };
          update.before.managedPolicies = ['arn:aws:iam::aws:policy/ReadOnlyAccess'];
          update.after.managedPolicies = [ADMIN];
        }),
      ) as PlanJson,
    );
    const loaded = parsePlan(text, 'plan.json', '0.1.0');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const after = loaded.value.analysis.access.find(
      (a) => a.effect === 'changed' && a.permissionSet === 'ReadOnly',
    );
    expect(after?.details).toContain('+ managed policy AdministratorAccess');
    expect(loaded.value.analysis.risks.map((r) => r.code)).toContain('admin-in-production');
    expect(loaded.warnings.map((w) => w.code)).toEqual(['plan-review-recomputed']);
  });
});
