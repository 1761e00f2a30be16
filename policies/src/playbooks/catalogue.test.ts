import { unknownActions, unknownConditionKeys } from '@orgops/simulate';
import { describe, expect, it } from 'vitest';
import { playbooks } from './index.ts';

describe('the IAM catalogue', () => {
  it.each(playbooks.map((p) => [p.id, p] as const))('knows every action of %s', async (_id, playbook) => {
    const actions = playbook.steps.flatMap((s) => s.actions);
    expect(actions.length).toBeGreaterThan(0);
    expect(await unknownActions(actions)).toEqual([]);
  });

  it.each(playbooks.map((p) => [p.id, p] as const))(
    'knows every context key %s sends',
    async (_id, playbook) => {
      const keys = playbook.steps.flatMap((s) => Object.keys(s.context ?? {}));
      const asCondition = {
        Statement: [
          {
            Effect: 'Deny',
            Action: '*',
            Resource: '*',
            Condition: { StringEquals: Object.fromEntries(keys.map((k) => [k, 'x'])) },
          },
        ],
      };
      expect(await unknownConditionKeys(asCondition)).toEqual([]);
    },
  );

  it('rejects a misspelt action (so the checks above can fail)', async () => {
    expect(await unknownActions(['iam:UpdateAccesKey', 'guardduty:GetFinding', 'ec2:Descrbe*'])).toEqual([
      'iam:UpdateAccesKey',
      'guardduty:GetFinding',
      'ec2:Descrbe*',
    ]);
  });
});
