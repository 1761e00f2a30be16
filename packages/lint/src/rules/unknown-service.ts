import { actionProblemDrafts } from '../action-problems.ts';
import { defineLintRule } from '../rule.ts';

export const unknownService = defineLintRule(
  {
    id: 'unknown-service',
    severity: 'error',
    title: 'Service does not exist',
    description:
      'Every action in an SCP, RCP, inline policy or protected role names a service prefix that exists in the IAM catalogue.',
  },
  (ctx) => actionProblemDrafts(ctx, 'service'),
);
