export * from './addresses.ts';
export { grantFieldsAfter } from './analysis/access.ts';
export {
  type AnalysisContext,
  type AnalysisInput,
  type AnalysisOptions,
  accountLabel,
  buildContext,
  isProductionPath,
  isProductionTagged,
  type PlacedAccount,
} from './analysis/analysis-context.ts';
export { analyzePlan, analyzeUnpruned } from './analysis/analyze.ts';
export {
  ESCALATION_PATHS,
  type EscalationGrant,
  type EscalationPathId,
  escalationGrants,
  type ManagedPolicyDocuments,
} from './analysis/escalation.ts';
export {
  type HeldAccount,
  type HeldInQuarantine,
  heldAccounts,
  heldFix,
  heldWords,
} from './analysis/held-in-quarantine.ts';
export {
  type AccessLevel,
  accessLevel,
  fieldsBefore,
  type GrantFields,
  grantsSummary,
  managedPolicyName,
  mergeFields,
} from './analysis/permission-set-facts.ts';
export { GUARDRAIL_POLICY_TYPES, statementsOfText, summarizePolicy } from './analysis/policy-facts.ts';
export {
  actionWords,
  briefList,
  describeStatementGroup,
  type StatementWords,
  statementSentence,
  statementWords,
  tailWords,
} from './analysis/policy-words.ts';
export {
  type ReviewContext,
  type ReviewDesired,
  type ReviewPermissionSet,
  type ReviewSnapshot,
  reviewContextOf,
} from './analysis/review-context.ts';
export { ancestorsOf } from './analysis/review-scope.ts';
export { RISK_CODES, type RiskCode } from './analysis/risk-codes.ts';
export { isSecurityAccount, SENSITIVITY_WORDS, type Sensitivity } from './analysis/sensitive-accounts.ts';
export * from './analysis/types.ts';
export { actionMatches, arnLike, stringLike } from './analysis/wildcards.ts';
export * from './change.ts';
export * from './drift.ts';
export { analyzeOutOfBand, outOfBandChanges } from './drift-events.ts';
export {
  type GenerateConfigOptions,
  type GeneratedConfig,
  type GeneratedFile,
  generateConfig,
} from './import/generate-config.ts';
export { desiredFromSnapshot } from './live-desired.ts';
export * from './oracle/index.ts';
export * from './ordering/index.ts';
export * from './plan.ts';
export * from './plan-file/changes-digest.ts';
export * from './plan-file/freshness.ts';
export { integrityProblems, planIntegrity } from './plan-file/integrity.ts';
export * from './plan-file/observe.ts';
export { planJsonSchema } from './plan-file/plan-schema.ts';
export { type ReviewAnalyzer, withReview } from './plan-file/review.ts';
export { EMPTY_ANALYSIS, type PlanDraft, sealPlan, withRehearsal } from './plan-file/seal.ts';
export * from './plan-file/serialize.ts';
export { type AssignmentTriple, expandAssignments } from './planner/expand-assignments.ts';
export * from './planner/index.ts';
export * from './quarantine/plan-quarantine.ts';
export * from './rehearsal.ts';
export { ANSI_PATTERN, type Paint, painter, type Tone } from './render/ansi.ts';
export { type DriftViewOptions, renderDriftMarkdown, renderDriftText } from './render/drift.ts';
export type { ViewOptions } from './render/header.ts';
export { type CodeOptions, mdCode, mdText } from './render/inert-markdown.ts';
export { renderPlanJson } from './render/json.ts';
export { DEFAULT_MAX_CHARS, type MarkdownOptions, renderPlanMarkdown } from './render/markdown.ts';
export { type MermaidEdge, type MermaidNode, mermaidFlowchart, mermaidText } from './render/mermaid.ts';
export { lintSection, type ReviewFinding } from './render/review-findings.ts';
export { escapeControls } from './render/safe-text.ts';
export { renderPlanText, type TextOptions } from './render/text.ts';
export * from './snapshot.ts';
