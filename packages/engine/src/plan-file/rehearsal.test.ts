import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { changesOf, type Plan } from '../plan.ts';
import { type PlanRehearsal, rehearsalBlocks } from '../rehearsal.ts';
import { changesDigest } from './changes-digest.ts';
import { planJsonSchema } from './plan-schema.ts';
import {
  EVERY_KIND,
  editedText,
  everyKindPlan,
  type Json,
  resealed,
  sealedPlan,
} from './plans.test-support.ts';
import { withRehearsal } from './seal.ts';
import { parsePlan, serializePlan } from './serialize.ts';

function rehearsalOf(plan: Plan, over: Partial<PlanRehearsal> = {}): PlanRehearsal {
  return {
    changesDigest: changesDigest(changesOf(plan)),
    outcome: 'refused',
    applied: 10,
    skipped: 0,
    notRehearsed: 2,
    refusals: [
      {
        phase: 'attachments',
        address: 'attachment/SERVICE_CONTROL_POLICY/deny-all-2@account:old-app@example.com',
        action: 'attach',
        operation: 'organizations:AttachPolicy',
        code: 'ConstraintViolationException',
        reason: 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
        message: 'the target already has 10 SERVICE_CONTROL_POLICY attached',
        fix: 'Attach fewer.',
      },
    ],
    leftOver: [],
    assumptions: ['No CreateAccount request is in progress.'],
    ...over,
  };
}

const load = (text: string) => parsePlan(text, 'plan.json', '0.1.0');
const errors = (text: string): string[] => {
  const result = load(text);
  return result.ok ? [] : result.errors.map((e) => `${e.code} ${e.path}: ${e.message}`);
};

describe('a rehearsed plan file', () => {
  it('keeps its rehearsal through save and load, covered by a digest of its own', () => {
    const plan = withRehearsal(everyKindPlan(), rehearsalOf(everyKindPlan()));
    expect(plan.integrity.sections.rehearsal).toMatch(/^[0-9a-f]{64}$/);
    // The other digests are those of the plan before the rehearsal was added.
    const { rehearsal: _, ...sections } = plan.integrity.sections;
    expect(sections).toEqual(everyKindPlan().integrity.sections);
    const loaded = load(serializePlan(plan));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.value.rehearsal).toEqual(plan.rehearsal);
    expect(rehearsalBlocks(loaded.value)).toBe(true);
    expect(rehearsalBlocks({ rehearsal: rehearsalOf(plan, { outcome: 'converges', refusals: [] }) })).toBe(
      false,
    );
    expect(rehearsalBlocks(everyKindPlan())).toBe(false);
  });

  it('is valid against the published JSON Schema', () => {
    const validate = new Ajv2020({ allErrors: true }).compile(planJsonSchema());
    const json = JSON.parse(serializePlan(withRehearsal(everyKindPlan(), rehearsalOf(everyKindPlan()))));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it('cannot be given the rehearsal of other changes', () => {
    const other = sealedPlan([EVERY_KIND['ou-create']]);
    expect(() => withRehearsal(everyKindPlan(), rehearsalOf(other))).toThrow(/rehearsal is of changes/);
  });

  it('refuses a rehearsal that was altered, removed or added after the plan was made', () => {
    const rehearsed = withRehearsal(everyKindPlan(), rehearsalOf(everyKindPlan()));
    const claimed = editedText(rehearsed, (json) => {
      const r = json.rehearsal as Json;
      r.outcome = 'converges';
      r.refusals = [];
    });
    expect(errors(claimed)).toEqual([
      "plan-file-altered rehearsal: plan.json: the plan's rehearsal was altered after the plan was made.",
    ]);
    const removed = editedText(rehearsed, (json) => {
      delete json.rehearsal;
    });
    expect(errors(removed)).toEqual([
      "plan-file-altered rehearsal: plan.json: the plan's rehearsal was removed after the plan was made.",
    ]);
    // A plan that was never rehearsed cannot claim a rehearsal: the digest is missing.
    const added = editedText(everyKindPlan(), (json) => {
      json.rehearsal = JSON.parse(JSON.stringify(rehearsalOf(everyKindPlan(), { outcome: 'converges' })));
    });
    expect(errors(added)).toEqual([
      'plan-file-altered rehearsal: plan.json: a rehearsal was added after the plan was made.',
    ]);
  });

  it('refuses, even with recomputed digests, a rehearsal taken from a plan of other changes', () => {
    const other = sealedPlan([EVERY_KIND['ou-create']]);
    const borrowed = withRehearsal(other, rehearsalOf(other, { outcome: 'converges', refusals: [] }));
    const text = editedText(everyKindPlan(), (json) => {
      json.rehearsal = JSON.parse(JSON.stringify(borrowed.rehearsal));
    });
    expect(errors(resealed(JSON.parse(text)))).toEqual([
      'plan-file-altered rehearsal: plan.json: the rehearsal is of other changes than the ones in the plan.',
    ]);
  });

  it('refuses a rehearsal of the wrong shape, naming the field', () => {
    const text = editedText(withRehearsal(everyKindPlan(), rehearsalOf(everyKindPlan())), (json) => {
      (json.rehearsal as Json).outcome = 'probably-fine';
    });
    const found = errors(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^plan-file-invalid rehearsal\.outcome/);
  });
});
