import { describe, expect, it } from 'vitest';
import { emptyPlan, representativePlan } from './fixtures.test-support.ts';
import { renderPlanJson } from './json.ts';

describe('renderPlanJson', () => {
  it('is exactly the plan, as data', () => {
    const plan = representativePlan();
    expect(JSON.parse(renderPlanJson(plan))).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  it('prints the same bytes whatever order the plan was built in', () => {
    const plan = emptyPlan();
    const reordered = Object.fromEntries(Object.entries(plan).reverse()) as typeof plan;
    expect(renderPlanJson(reordered)).toBe(renderPlanJson(plan));
  });

  it('is pretty, key-sorted JSON', () => {
    const plan = emptyPlan({ phases: [], observed: {} });
    expect(renderPlanJson(plan)).toMatchInlineSnapshot(`
      "{
        "analysis": {
          "access": [],
          "guardrails": [],
          "risks": []
        },
        "createdAt": "2026-11-23T12:00:00.000Z",
        "formatVersion": 1,
        "limitsVersion": "2026-05-15",
        "observed": {},
        "phases": [],
        "summary": {
          "byAction": {},
          "total": 0
        },
        "target": {
          "backend": "sandbox",
          "location": ".orgops/sandbox.json",
          "managementAccountId": "999999999999",
          "organizationId": "o-test1234"
        },
        "toolVersion": "0.1.0",
        "warnings": []
      }
      "
    `);
  });
});
