export * from './addresses.ts';
export { analyzePlan } from './analysis/analyze.ts';
export { type AnalysisInput, isProductionPath, isProductionTagged } from './analysis/context.ts';
export {
  type HeldAccount,
  type HeldInQuarantine,
  heldAccounts,
  heldFix,
  heldWords,
} from './analysis/held-in-quarantine.ts';
export { type AccessLevel, accessLevel, grantsSummary } from './analysis/permission-set-facts.ts';
export { summarizePolicy } from './analysis/policy-facts.ts';
export {
  type ReviewContext,
  type ReviewDesired,
  type ReviewPermissionSet,
  type ReviewSnapshot,
  reviewContextOf,
} from './analysis/review-context.ts';
export { RISK_CODES, type RiskCode } from './analysis/risk-codes.ts';
export * from './analysis/types.ts';
export * from './change.ts';
export * from './drift.ts';
export {
  type GenerateConfigOptions,
  type GeneratedConfig,
  type GeneratedFile,
  generateConfig,
} from './import/generate-config.ts';
export * from './oracle/index.ts';
export * from './plan.ts';
export * from './plan-file/changes-digest.ts';
export * from './plan-file/freshness.ts';
export { integrityProblems, planIntegrity } from './plan-file/integrity.ts';
export * from './plan-file/observe.ts';
export { planJsonSchema } from './plan-file/plan-schema.ts';
export { EMPTY_ANALYSIS, type PlanDraft, sealPlan, withRehearsal } from './plan-file/seal.ts';
export * from './plan-file/serialize.ts';
export { type AssignmentTriple, expandAssignments } from './planner/expand-assignments.ts';
export * from './planner/index.ts';
export * from './quarantine/plan-quarantine.ts';
export * from './rehearsal.ts';
export { ANSI_PATTERN } from './render/ansi.ts';
export { renderDriftMarkdown, renderDriftText } from './render/drift.ts';
export type { ViewOptions } from './render/header.ts';
export { type CodeOptions, mdCode, mdText } from './render/inert-markdown.ts';
export { renderPlanJson } from './render/json.ts';
export { DEFAULT_MAX_CHARS, type MarkdownOptions, renderPlanMarkdown } from './render/markdown.ts';
export { lintSection, type ReviewFinding } from './render/review-findings.ts';
export { escapeControls } from './render/safe-text.ts';
export { renderPlanText, type TextOptions } from './render/text.ts';
export * from './snapshot.ts';
