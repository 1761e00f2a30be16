/**
 * @orgops/guardrails: AWS Well-Architected Security Pillar building blocks. Every export is a
 * function that returns plain model objects (organization policies and permission sets) for an
 * organization's `policies/` package to compose.
 */
export * from './guardrail-options.ts';
export * from './permission-set-role.ts';
export * from './permission-sets/billing.ts';
export * from './permission-sets/developer.ts';
export * from './permission-sets/incident-responder.ts';
export * from './permission-sets/managed-policies.ts';
export * from './permission-sets/options.ts';
export * from './permission-sets/platform-admin.ts';
export * from './permission-sets/read-only.ts';
export * from './permission-sets/security-audit.ts';
export * from './rcp/confused-deputy-protection.ts';
export * from './rcp/deny-all-resource-access.ts';
export * from './rcp/enforce-organization-identities.ts';
export * from './rcp/enforce-secure-transport.ts';
export { RESOURCE_ORGANIZATION } from './rcp/organization-id.ts';
export * from './scp/deny-all.ts';
export * from './scp/deny-iam-users-and-access-keys.ts';
export * from './scp/deny-leave-organization.ts';
export * from './scp/deny-root-user.ts';
export * from './scp/global-services.ts';
export * from './scp/protect-access-analyzer.ts';
export * from './scp/protect-cloudtrail.ts';
export * from './scp/protect-config.ts';
export * from './scp/protect-guardduty.ts';
export * from './scp/protect-log-archive.ts';
export * from './scp/protect-privileged-roles.ts';
export * from './scp/protect-s3-public-access-block.ts';
export * from './scp/protect-security-hub.ts';
export * from './scp/protect-security-services.ts';
export * from './scp/region-allow-list.ts';
export * from './scp/require-imdsv2.ts';
export * from './scp/restrict-break-glass-assumption.ts';
