import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { planJsonSchema, planJsonSchemaText } from './plan-schema.ts';
import { EVERY_KIND, editedText, everyKindPlan, type PlanJson } from './plans.test-support.ts';
import { serializePlan } from './serialize.ts';

const committed = new URL('../../plan.schema.json', import.meta.url);

describe('the published JSON Schema of the plan file', () => {
  it('is the committed plan.schema.json (regenerate: pnpm --filter @orgops/engine plan-schema)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(planJsonSchemaText());
  });

  it('names every change kind', () => {
    const defs = planJsonSchema().$defs as Record<string, { properties?: { kind?: { const?: string } } }>;
    const kinds = Object.values(defs).flatMap((d) => d.properties?.kind?.const ?? []);
    expect(kinds.sort()).toEqual(Object.keys(EVERY_KIND).sort());
  });

  it('accepts what orgops writes and rejects what the loader refuses for its shape', () => {
    const validate = new Ajv2020({ allErrors: true }).compile(planJsonSchema());
    const plan = JSON.parse(serializePlan(everyKindPlan())) as unknown;
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);

    const malformed = editedText(everyKindPlan(), (json: PlanJson) => {
      const create = json.phases.flatMap((p) => p.changes).find((c) => c.kind === 'account-create')!;
      create.email = 42;
    });
    expect(validate(JSON.parse(malformed))).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath.endsWith('/email'))).toBe(true);
  });
});
