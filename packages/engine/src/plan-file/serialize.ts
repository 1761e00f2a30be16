import { type Diagnostic, diagnostic, type Result } from '@orgops/model';
import { PHASES, PLAN_FORMAT_VERSION, type Plan } from '../plan.ts';
import { renderPlanJson } from '../render/json.ts';

/** The saved plan file: the Plan itself, byte for byte what `--format json` prints. */
export function serializePlan(plan: Plan): string {
  return renderPlanJson(plan);
}

/**
 * Parses a saved plan. Refuses other format versions and plans written by a different major
 * version of orgops, since an older applier may not know every change kind a newer planner emits.
 */
export function parsePlan(text: string, file: string, toolVersion: string): Result<Plan> {
  const fail = (message: string, fix: string, value?: unknown): Result<Plan> => ({
    ok: false,
    errors: [
      diagnostic('error', 'plan-file-invalid', { message: `${file}: ${message}`, path: file, fix, value }),
    ],
    warnings: [],
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail(`not JSON (${(err as Error).message}).`, 'Pass a file written by `orgops plan --out FILE`.');
  }
  if (typeof data !== 'object' || data === null)
    return fail('not a plan object.', 'Pass a file written by `orgops plan --out FILE`.');
  const plan = data as Partial<Plan>;
  if (plan.formatVersion !== PLAN_FORMAT_VERSION) {
    return fail(
      `plan format version ${String(plan.formatVersion)} is not supported (this orgops reads version ${PLAN_FORMAT_VERSION}).`,
      'Re-run `orgops plan` with this version of orgops.',
      plan.formatVersion,
    );
  }
  if (typeof plan.toolVersion !== 'string' || major(plan.toolVersion) !== major(toolVersion)) {
    return fail(
      `the plan was written by orgops ${String(plan.toolVersion)}; this is orgops ${toolVersion}.`,
      'Apply the plan with the orgops version that made it, or re-plan.',
      plan.toolVersion,
    );
  }
  const problems: Diagnostic[] = [];
  if (!plan.target || typeof plan.target.organizationId !== 'string') {
    problems.push(
      diagnostic('error', 'plan-file-invalid', {
        message: `${file}: missing target.`,
        path: 'target',
        fix: 'Re-run `orgops plan`.',
      }),
    );
  }
  if (
    !Array.isArray(plan.phases) ||
    plan.phases.some((p) => !PHASES.includes(p.name) || !Array.isArray(p.changes))
  ) {
    problems.push(
      diagnostic('error', 'plan-file-invalid', {
        message: `${file}: malformed phases.`,
        path: 'phases',
        fix: 'Re-run `orgops plan`.',
      }),
    );
  }
  if (!plan.observed || typeof plan.observed !== 'object') {
    problems.push(
      diagnostic('error', 'plan-file-invalid', {
        message: `${file}: missing observed digests.`,
        path: 'observed',
        fix: 'Re-run `orgops plan`.',
      }),
    );
  }
  if (problems.length) return { ok: false, errors: problems, warnings: [] };
  return { ok: true, value: plan as Plan, warnings: [] };
}

function major(version: string): string {
  const [maj, min] = version.split('.');
  // 0.x versions break on minor bumps, as semver allows.
  return maj === '0' ? `0.${min}` : (maj ?? version);
}
