/**
 * This organization's policies and permission sets, built from @orgops/guardrails. `accounts/`
 * decides where each one is attached or assigned.
 */
export * from './ai-opt-out.ts';
export * from './exemptions.ts';
export * from './permission-sets.ts';
export * from './playbooks/index.ts';
export * from './protected-roles.ts';
export * from './regions.ts';
export * from './resource-control-policies.ts';
export * from './service-control-policies.ts';
export * from './tag-policy.ts';
