import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { OrganizationsPort } from '@orgops/live';
import type { Caller } from './request-pipeline.ts';
import { required } from './shapes.ts';

/** The account the credentials belong to, compared with the organization's management account. */
export interface CallerIdentity {
  readonly accountId: string;
  /** The principal's ARN (a role session for SSO or OIDC credentials). Not a secret. */
  readonly arn: string;
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly isManagementAccount: boolean;
}

export async function readCallerIdentity(
  sts: STSClient,
  caller: Caller,
  organizations: OrganizationsPort,
): Promise<CallerIdentity> {
  const [who, org] = await Promise.all([
    caller.call('sts', 'GetCallerIdentity', () => sts.send(new GetCallerIdentityCommand({}))),
    organizations.describeOrganization(),
  ]);
  const accountId = required(who.Account, 'GetCallerIdentity.Account');
  return {
    accountId,
    arn: required(who.Arn, 'GetCallerIdentity.Arn'),
    organizationId: org.id,
    managementAccountId: org.managementAccountId,
    isManagementAccount: accountId === org.managementAccountId,
  };
}

/**
 * Port operations AWS allows only from the management account (aws-facts.md §2.1, §3.5). A
 * delegated administrator can read everything and manage policies, but these fail with
 * AccessDeniedException; the CLI lists them up front instead of failing halfway through an apply.
 */
export const MANAGEMENT_ACCOUNT_ONLY_OPERATIONS: readonly {
  readonly port: 'organizations' | 'ssoAdmin';
  readonly method: string;
  readonly note?: string;
}[] = [
  { port: 'organizations', method: 'createAccount' },
  { port: 'organizations', method: 'closeAccount' },
  { port: 'organizations', method: 'moveAccount' },
  { port: 'organizations', method: 'createOrganizationalUnit' },
  { port: 'organizations', method: 'updateOrganizationalUnit' },
  { port: 'organizations', method: 'deleteOrganizationalUnit' },
  { port: 'organizations', method: 'enableAWSServiceAccess' },
  { port: 'organizations', method: 'disableAWSServiceAccess' },
  { port: 'organizations', method: 'registerDelegatedAdministrator' },
  { port: 'organizations', method: 'deregisterDelegatedAdministrator' },
  {
    port: 'ssoAdmin',
    method: 'listAccountAssignmentsForPrincipal',
    note: 'must be called from the management account that holds the organization instance',
  },
  {
    port: 'ssoAdmin',
    method: '*',
    note: 'a delegated administrator cannot manage permission sets provisioned in the management account',
  },
];
