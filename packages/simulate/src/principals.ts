/**
 * Who makes a simulated request. Each kind maps to the ARN AWS would see, the identity policies it
 * holds, and whether SCPs bind it: principals of member accounts yes; the management account,
 * service principals and principals outside the organization no.
 */
export type PrincipalSpec =
  | PermissionSetPrincipal
  | RolePrincipal
  | RootPrincipal
  | ServicePrincipal
  | ExternalPrincipal
  | AnonymousPrincipal;

/** An Identity Center user signed in with a permission set: the role AWS provisions for it. */
export interface PermissionSetPrincipal {
  readonly kind: 'permission-set';
  /** Permission set name as configured. */
  readonly name: string;
  /** Account name, email or id. */
  readonly account: string;
  /**
   * Refuse to simulate a permission set the config does not assign in the account (default
   * `true`): a row about access nobody has proves nothing.
   */
  readonly requireAssignment?: boolean;
}

/** An IAM role of an account, with the policies given here (config does not define roles). */
export interface RolePrincipal {
  readonly kind: 'role';
  /** Path and name, e.g. `break-glass` or `app/payments-api`. */
  readonly name: string;
  readonly account: string;
  /** AWS managed policy ARNs attached to the role. */
  readonly managedPolicies?: readonly string[];
  readonly inlinePolicies?: readonly { readonly name: string; readonly document: unknown }[];
}

/** The root user of an account. */
export interface RootPrincipal {
  readonly kind: 'root';
  readonly account: string;
}

/** An AWS service acting with its own service principal, e.g. `cloudtrail.amazonaws.com`. */
export interface ServicePrincipal {
  readonly kind: 'service';
  readonly service: string;
}

/** A principal of another AWS account, outside this organization unless `organizationId` says so. */
export interface ExternalPrincipal {
  readonly kind: 'external';
  /** Role or user ARN, e.g. `arn:aws:iam::999988887777:role/partner`. */
  readonly arn: string;
  /** Its organization, if it has one. */
  readonly organizationId?: string;
  /** Its identity policies; defaults to allowing everything, so only our side decides. */
  readonly inlinePolicies?: readonly { readonly name: string; readonly document: unknown }[];
}

/** An unsigned request. */
export interface AnonymousPrincipal {
  readonly kind: 'anonymous';
}

/** Identity Center signs in with a permission set as this role. */
export const permissionSet = (
  name: string,
  account: string,
  options: { readonly requireAssignment?: boolean } = {},
): PermissionSetPrincipal => ({ kind: 'permission-set', name, account, ...options });

export const role = (
  name: string,
  account: string,
  policies: Pick<RolePrincipal, 'managedPolicies' | 'inlinePolicies'> = {},
): RolePrincipal => ({ kind: 'role', name, account, ...policies });

export const rootUser = (account: string): RootPrincipal => ({ kind: 'root', account });

export const service = (name: string): ServicePrincipal => ({ kind: 'service', service: name });

export const external = (
  arn: string,
  options: Omit<ExternalPrincipal, 'kind' | 'arn'> = {},
): ExternalPrincipal => ({
  kind: 'external',
  arn,
  ...options,
});

export const anonymous: AnonymousPrincipal = { kind: 'anonymous' };

/** The IAM role ARN Identity Center provisions for a permission set in an account. */
export function permissionSetRoleArn(accountId: string, name: string): string {
  // The 16-hex suffix is random in AWS; a stable one per name keeps results reproducible.
  let hash = 0x811c9dc5;
  for (const c of name) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193) >>> 0;
  const suffix = `${hash.toString(16).padStart(8, '0')}${((hash ^ 0x5a5a5a5a) >>> 0).toString(16).padStart(8, '0')}`;
  return `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_${name}_${suffix}`;
}
