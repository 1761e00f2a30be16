/**
 * The AWS-managed organization policies, in one place: AWS creates them, attaches them to every
 * root, OU and account when their policy type is enabled, and a config names them only by id.
 * RCPFullAWSAccess cannot be detached and counts toward the per-target RCP limit.
 */
export const FULL_AWS_ACCESS = { id: 'p-FullAWSAccess', name: 'FullAWSAccess' } as const;
export const RCP_FULL_AWS_ACCESS = { id: 'p-RCPFullAWSAccess', name: 'RCPFullAWSAccess' } as const;
