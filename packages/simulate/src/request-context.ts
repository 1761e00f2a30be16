/**
 * The request context AWS fills in, shared by every way a request is built (a config's simulator,
 * a plan's review), so both ask AWS's question the same way.
 */

/** What AWS sets for a principal of a member account (a role, a permission set's role, a root user). */
export function memberPrincipalContext(
  arn: string,
  accountId: string,
  organizationId: string,
): Record<string, string> {
  return {
    'aws:PrincipalArn': arn,
    'aws:PrincipalAccount': accountId,
    'aws:PrincipalOrgID': organizationId,
    'aws:PrincipalIsAWSService': 'false',
    'aws:PrincipalType': 'AssumedRole',
  };
}

/**
 * What AWS sets for the request and its resource: the Region, TLS, and the account (and, inside
 * the organization, the organization) that owns the resource.
 */
export function resourceRequestContext(
  region: string,
  resourceAccountId: string,
  resourceOrganizationId: string | undefined,
): Record<string, string> {
  return {
    'aws:RequestedRegion': region,
    'aws:SecureTransport': 'true',
    'aws:ResourceAccount': resourceAccountId,
    ...(resourceOrganizationId ? { 'aws:ResourceOrgID': resourceOrganizationId } : {}),
  };
}
