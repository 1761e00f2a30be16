/**
 * AWS-managed policy ARNs used by the permission-set blocks, in one place so a misspelt ARN is a
 * compile error rather than a failed provisioning. Each was checked against the published list of
 * AWS-managed policies (2026-09).
 */
export const AWS_MANAGED_POLICIES = {
  AdministratorAccess: 'arn:aws:iam::aws:policy/AdministratorAccess',
  PowerUserAccess: 'arn:aws:iam::aws:policy/PowerUserAccess',
  ReadOnlyAccess: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
  ViewOnlyAccess: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
  SecurityAudit: 'arn:aws:iam::aws:policy/SecurityAudit',
  Billing: 'arn:aws:iam::aws:policy/job-function/Billing',
  AWSDenyAll: 'arn:aws:iam::aws:policy/AWSDenyAll',
} as const;
