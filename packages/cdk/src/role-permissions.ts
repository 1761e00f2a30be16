/**
 * The pipeline roles' permissions, generated from what the AWS backend calls
 * (`@orgops/aws/permissions`): nothing here names an action by hand. The plan and drift roles get
 * the actions of the read operations; the apply role gets those and the write operations', plus
 * what Identity Center does with the caller's credentials in the management account.
 */

import { IDENTITY_CENTER_GRANTS, type IdentityCenterGrant, iamActionsFor } from '@orgops/aws/permissions';
import type { PipelineJob } from './github.ts';

export interface StatementSpec {
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly condition?: IdentityCenterGrant['condition'];
}

export interface PermissionContext {
  readonly partition: string;
  readonly account: string;
  readonly identityCenterKmsKeyArn?: string;
}

function fill(template: string, ctx: PermissionContext): string {
  return template
    .replaceAll('{Partition}', ctx.partition)
    .replaceAll('{Account}', ctx.account)
    .replaceAll('{KmsKeyArn}', ctx.identityCenterKmsKeyArn ?? '{KmsKeyArn}');
}

function grantStatements(access: 'read' | 'write', ctx: PermissionContext): StatementSpec[] {
  return IDENTITY_CENTER_GRANTS.filter(
    (g) =>
      g.access === access &&
      (g.when === 'always' || (g.when === 'customer-managed-kms-key' && ctx.identityCenterKmsKeyArn)),
  ).map((g) => ({
    sid: g.sid,
    actions: [...g.actions].sort(),
    resources: g.resources.map((r) => fill(r, ctx)),
    ...(g.condition ? { condition: g.condition } : {}),
  }));
}

/** The statements of one job's role. Apply re-plans before it writes, so it reads too. */
export function pipelineStatements(job: PipelineJob, ctx: PermissionContext): StatementSpec[] {
  // Organizations and Identity Center ids (ou-…, p-…, ps-…) are created by apply itself, and
  // most List actions accept only "*", so the operation statements cannot name resources.
  const read: StatementSpec[] = [
    { sid: 'OrgopsRead', actions: iamActionsFor('read'), resources: ['*'] },
    ...grantStatements('read', ctx),
  ];
  if (job !== 'apply') return read;
  return [
    ...read,
    { sid: 'OrgopsWrite', actions: iamActionsFor('write'), resources: ['*'] },
    ...grantStatements('write', ctx),
  ];
}
