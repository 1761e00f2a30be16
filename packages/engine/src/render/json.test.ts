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
        "formatVersion": 2,
        "integrity": {
          "algorithm": "sha256",
          "changes": "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
          "perChange": [],
          "sections": {
            "header": "dbaf7c356a2d243122ae2e7b8ee174a8ea50150d5c5e2e30d61c3390a9e089a9",
            "observed": "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
            "phases": "64eaf44e09298ade1ee25929a8922a3b87bff1806477f9952703007a82da881a",
            "reviewContext": "f9e13344583411e9ac08fbc8b2b5eab05e1e903305a479e3149570785629337c",
            "target": "20c8ea88d4e877d4223def78922d3a71fdd0b61979e8d3d907103e67c32a8049",
            "warnings": "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945"
          }
        },
        "limitsVersion": "2026-05-15",
        "observed": {},
        "phases": [],
        "reviewContext": {
          "desired": {
            "accounts": [
              {
                "email": "prod-app@example.com",
                "id": "111111111111",
                "name": "prod-app",
                "parentPath": "/Workloads/Prod",
                "tags": {
                  "environment": "production"
                }
              },
              {
                "email": "dev-app@example.com",
                "id": "222222222222",
                "name": "dev-app",
                "parentPath": "/Workloads/Dev",
                "tags": {}
              },
              {
                "email": "old-app@example.com",
                "id": "333333333333",
                "name": "old-app",
                "parentPath": "/Suspended",
                "tags": {}
              }
            ],
            "attachments": [],
            "ous": [
              {
                "path": "/Workloads"
              },
              {
                "path": "/Workloads/Prod"
              },
              {
                "path": "/Workloads/Dev"
              },
              {
                "path": "/Suspended"
              }
            ],
            "permissionSets": [],
            "policies": []
          },
          "snapshot": {
            "accounts": [
              {
                "email": "prod-app@example.com",
                "id": "111111111111",
                "name": "prod-app",
                "parentId": "ou-prod",
                "tags": {
                  "environment": "production"
                }
              },
              {
                "email": "dev-app@example.com",
                "id": "222222222222",
                "name": "dev-app",
                "parentId": "ou-dev",
                "tags": {}
              },
              {
                "email": "old-app@example.com",
                "id": "333333333333",
                "name": "old-app",
                "parentId": "ou-susp",
                "tags": {}
              }
            ],
            "identityCenter": {
              "assignments": [],
              "permissionSets": [],
              "principals": []
            },
            "organization": {
              "id": "o-test1234"
            },
            "ous": [
              {
                "id": "ou-work",
                "name": "Workloads",
                "parentId": "r-root"
              },
              {
                "id": "ou-prod",
                "name": "Prod",
                "parentId": "ou-work"
              },
              {
                "id": "ou-dev",
                "name": "Dev",
                "parentId": "ou-work"
              },
              {
                "id": "ou-susp",
                "name": "Suspended",
                "parentId": "r-root"
              }
            ],
            "policies": [],
            "root": {
              "id": "r-root"
            }
          }
        },
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
