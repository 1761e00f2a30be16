export {
  accountPath,
  assignmentPath,
  inert,
  keySegment,
  ouPath,
  permissionSetPath,
  targetPath,
} from './paths.ts';
export type { Finding, Rule, RuleContext } from './rule.ts';
export { RULES } from './rules/index.ts';
export { organizationSchema } from './schema.ts';
export { SCHEMA_CODES } from './schema-diagnostics.ts';
export { PARENT_CHAIN_CODE } from './structure.ts';
export {
  distinctPolicies,
  type PolicyReference,
  type PolicyTarget,
  policyReferences,
  policyTargets,
} from './targets.ts';
export {
  INTERNAL_ERROR_CODE,
  type ValidatedConfig,
  type ValidateOptions,
  validateConfig,
} from './validate.ts';
