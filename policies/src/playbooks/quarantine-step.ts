import { BREAK_GLASS_ROLE, PIPELINE_ROLES } from '../exemptions.ts';
import type { OrgopsStep } from './types.ts';

/**
 * What `orgops quarantine` calls in the management account: it finds the account and the
 * quarantine OU, checks the guardrails there, attaches a missing one, moves the account and tags
 * it with the record. The CLI's tests hold this list to the calls the command really makes.
 */
export const QUARANTINE_ACTIONS: readonly string[] = [
  'organizations:DescribeOrganization',
  'organizations:ListRoots',
  'organizations:ListAccounts',
  'organizations:ListParents',
  'organizations:ListTagsForResource',
  'organizations:ListOrganizationalUnitsForParent',
  'organizations:ListPoliciesForTarget',
  'organizations:ListPolicies',
  'organizations:AttachPolicy',
  'organizations:MoveAccount',
  'organizations:TagResource',
];

/** Who runs it: the pipeline's apply role, or break-glass, in the management account. */
export const QUARANTINE_RUN_WITH: readonly string[] = [
  PIPELINE_ROLES.find((r) => r.endsWith('/orgops-apply')) ?? 'arn:aws:iam::*:role/orgops-apply',
  BREAK_GLASS_ROLE,
];

/** A playbook step that contains the whole account with `orgops quarantine`. */
export function quarantineStep(step: {
  readonly id: string;
  readonly title: string;
  readonly why: string;
}): OrgopsStep {
  return {
    kind: 'orgops',
    command: 'quarantine',
    runWith: QUARANTINE_RUN_WITH,
    actions: QUARANTINE_ACTIONS,
    ...step,
  };
}
