import { canonicalJson, type Diagnostic, diagnostic, type Result } from '@orgops/model';
import { analyzePlan } from '../analysis/analyze.ts';
import type { PlanAnalysis } from '../analysis/types.ts';
import { changesOf, PLAN_FORMAT_VERSION, type Plan } from '../plan.ts';
import { renderPlanJson } from '../render/json.ts';
import { integrityProblems } from './integrity.ts';
import { locatedChanges } from './locate.ts';
import { planSchema } from './plan-schema.ts';
import type { ReviewAnalyzer } from './review.ts';
import { planSchemaDiagnostics } from './schema-diagnostics.ts';
import { summarize } from './seal.ts';

/** The saved plan file: the Plan itself, byte for byte what `--format json` prints. */
export function serializePlan(plan: Plan): string {
  return renderPlanJson(plan);
}

const REPLAN = 'Make a new plan with `orgops plan --out FILE` using this version of orgops, and review it.';

/**
 * Loads a saved plan and checks it is exactly what `orgops plan` wrote: the format and major tool
 * version, the schema of every change (`plan-file-invalid`, naming the change, the field and the
 * value), and the integrity digests (`plan-file-altered`, naming what was altered). The review
 * (`analysis`) and `summary` are then recomputed from the changes and the review context, so no
 * view ever shows a review the changes do not support; a stored review that differs is reported
 * as a `plan-review-recomputed` warning.
 */
export function parsePlan(text: string, file: string, toolVersion: string): Result<Plan> {
  const checked = checkPlanText(text, file, toolVersion);
  if (!checked.ok) return checked;
  const changes = changesOf(checked.value);
  return withRecomputedReview(checked.value, analyzePlan({ changes, ...checked.value.reviewContext }), file);
}

/**
 * {@link parsePlan} with the review computed by `analyze`, e.g. the CLI's analyzer that runs the
 * policy simulator: use the analyzer the plan was made with, or every plan it made is reported as
 * `plan-review-recomputed`.
 */
export async function loadPlan(
  text: string,
  file: string,
  toolVersion: string,
  analyze: ReviewAnalyzer,
): Promise<Result<Plan>> {
  const checked = checkPlanText(text, file, toolVersion);
  if (!checked.ok) return checked;
  const changes = changesOf(checked.value);
  return withRecomputedReview(
    checked.value,
    await analyze({ changes, ...checked.value.reviewContext }),
    file,
  );
}

/** Every check of {@link parsePlan}; the plan returned still carries the review stored in the file. */
function checkPlanText(text: string, file: string, toolVersion: string): Result<Plan> {
  const fail = (message: string, fix: string, value?: unknown, path = file): Result<Plan> => ({
    ok: false,
    errors: [diagnostic('error', 'plan-file-invalid', { message: `${file}: ${message}`, path, fix, value })],
    warnings: [],
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail(`not JSON (${(err as Error).message}).`, 'Pass a file written by `orgops plan --out FILE`.');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail('not a plan object.', 'Pass a file written by `orgops plan --out FILE`.');
  const { formatVersion, toolVersion: planTool } = data as Record<string, unknown>;
  if (formatVersion === 1) {
    return fail(
      'plan format version 1 carries no integrity digests or review context, so this orgops cannot check it.',
      REPLAN,
      formatVersion,
      'formatVersion',
    );
  }
  if (formatVersion !== PLAN_FORMAT_VERSION) {
    return fail(
      `plan format version ${String(formatVersion)} is not supported (this orgops reads version ${PLAN_FORMAT_VERSION}).`,
      REPLAN,
      formatVersion,
      'formatVersion',
    );
  }
  if (typeof planTool !== 'string' || major(planTool) !== major(toolVersion)) {
    return fail(
      `the plan was written by orgops ${String(planTool)}; this is orgops ${toolVersion}.`,
      'Apply the plan with the orgops version that made it, or re-plan.',
      planTool,
      'toolVersion',
    );
  }

  const parsed = planSchema.safeParse(data);
  if (!parsed.success)
    return { ok: false, errors: planSchemaDiagnostics(file, data, parsed.error.issues), warnings: [] };
  const plan = parsed.data as Plan;

  const unobserved = locatedChanges(plan).filter((c) => !Object.hasOwn(plan.observed, c.change.address));
  const altered = integrityProblems(plan, file);
  const errors: Diagnostic[] = [
    ...altered,
    // An edit that drops an observed digest would skip the staleness check for that object.
    ...(altered.length
      ? []
      : unobserved.map((c) =>
          diagnostic('error', 'plan-file-invalid', {
            message: `${file}: ${c.words} has no observed digest, so apply could not check it is current.`,
            path: `observed`,
            value: c.change.address,
            fix: REPLAN,
          }),
        )),
  ];
  if (errors.length) return { ok: false, errors, warnings: [] };
  return { ok: true, value: plan, warnings: [] };
}

function withRecomputedReview(plan: Plan, recomputed: PlanAnalysis, file: string): Result<Plan> {
  const analysis = JSON.parse(JSON.stringify(recomputed)) as PlanAnalysis;
  const summary = summarize(changesOf(plan));
  const warnings: Diagnostic[] = [];
  if (
    canonicalJson({ analysis, summary }) !== canonicalJson({ analysis: plan.analysis, summary: plan.summary })
  ) {
    warnings.push(
      diagnostic('warning', 'plan-review-recomputed', {
        message: `${file}: the review stored in the plan differs from the one its changes give (edited, or made by orgops ${plan.toolVersion}); showing the review recomputed from the changes.`,
        path: 'analysis',
        fix: 'Nothing to do if you trust how the plan was made; to be sure, make a new plan and review it.',
      }),
    );
  }
  return { ok: true, value: { ...plan, analysis, summary }, warnings };
}

function major(version: string): string {
  const [maj, min] = version.split('.');
  // 0.x versions break on minor bumps, as semver allows.
  return maj === '0' ? `0.${min}` : (maj ?? version);
}
