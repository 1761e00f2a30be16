/**
 * @orgops/lint: review rules over an organization config, checked against the offline IAM
 * catalogue and proved by simulation (@orgops/simulate), with waivers recorded in config, and
 * text, JSON, GitHub annotation and SARIF views.
 */
export * from './admin.ts';
export * from './finding.ts';
export * from './format/github.ts';
export * from './format/json.ts';
export * from './format/location.ts';
export * from './format/review.ts';
export * from './format/sarif.ts';
export * from './format/text.ts';
export * from './lint.ts';
export type { Draft, LintContext, LintRule } from './rule.ts';
export { LINT_RULES } from './rules/index.ts';
export * from './subjects.ts';
export * from './waivers.ts';
