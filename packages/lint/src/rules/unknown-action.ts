import { actionProblemDrafts } from '../action-problems.ts';
import { defineLintRule } from '../rule.ts';

export const unknownAction = defineLintRule(
  {
    id: 'unknown-action',
    severity: 'error',
    title: 'Action does not exist',
    description:
      'Every action in an SCP, RCP, inline policy or protected role exists in the IAM catalogue, and every wildcard matches at least one action.',
  },
  (ctx) => actionProblemDrafts(ctx, 'action'),
);
