import { analyzePlan, type Plan, planEverything, type Snapshot, withReview } from '@orgops/engine';
import { type Backend, configReadOptions, type ReadOptions, readSnapshot } from '@orgops/live';
import { type Diagnostic, OrgopsError } from '@orgops/model';
import { parseAccountQuota, withAccountQuota } from './account-quota.ts';
import type { CommandContext, GlobalOptions } from './command-context.ts';
import { type LoadedConfig, loadConfig } from './load-config.ts';
import { type BackendAccess, closeBackend, openBackend } from './open-backend.ts';
import { countLine, printDiagnostics } from './print-diagnostics.ts';
import { reviewAnalyzer } from './review-analyzer.ts';
import { TOOL_VERSION } from './version.ts';

/** How makePlan reads the organization: `readSnapshot`, or drift's incremental read. */
export type SnapshotReader = (backend: Backend, options: ReadOptions) => Promise<Snapshot>;

export interface PlanRun {
  readonly plan: Plan;
  readonly snapshot: Snapshot;
  readonly backend: Backend;
  readonly loaded: LoadedConfig;
  readonly elapsedMs: number;
  /** What the planner refused; only `drift` asks for a plan despite them (`refusals: 'report'`). */
  readonly refused: readonly Diagnostic[];
  /** The account quota the user gave (`--account-quota`, ORGOPS_ACCOUNT_QUOTA), used instead of the one read. */
  readonly accountQuota?: number;
}

/**
 * Loads the config, reads the organization and plans. Shared by plan, apply and drift. A plan the
 * planner refuses fails, unless `refusals` is `report`: drift lists refusals as differences. With
 * `access.write` (apply) the sandbox is locked before it is read, so the plan is made against the
 * state the apply will change; the caller closes the backend, and on failure it is closed here.
 */
export async function makePlan(
  ctx: CommandContext,
  options: GlobalOptions,
  refusals: 'fail' | 'report' = 'fail',
  access: BackendAccess = {},
  read: SnapshotReader = readSnapshot,
): Promise<PlanRun> {
  const started = Date.now();
  // Checked before anything is read: bad input changes nothing and costs no AWS call.
  const accountQuota = parseAccountQuota(options.accountQuota ?? ctx.env.ORGOPS_ACCOUNT_QUOTA);
  const loaded = await loadValidConfig(ctx, options);
  const backend = await openBackend(options, ctx.cwd, access);
  try {
    ctx.io.progress(
      `Reading the ${backend.kind === 'sandbox' ? 'sandbox' : 'AWS'} organization (${backend.location})...`,
    );
    await warnIfDelegatedAdministrator(ctx, backend);
    const live = await read(backend, {
      ...configReadOptions(loaded.desired),
      onProgress: (m: string) => ctx.io.progress(`  ${m}`),
    });
    const snapshot = withAccountQuota(live, accountQuota);
    const result = planEverything({
      desired: loaded.desired,
      snapshot,
      toolVersion: TOOL_VERSION,
      analyze: analyzePlan,
    });
    const { refused } = result;
    // The planner's review is the engine's alone; the CLI's adds the simulator's (what becomes
    // possible, who gains what a guardrail denied). A refused plan is never reviewed.
    const plan = refused.length ? result.plan : await withReview(result.plan, reviewAnalyzer);
    printDiagnostics(ctx.io, plan.warnings, ctx.cwd);
    if (refused.length && refusals === 'fail') {
      printDiagnostics(ctx.io, refused, ctx.cwd);
      throw new OrgopsError(
        'plan-failed',
        `The plan cannot be made: ${countLine(refused.length, plan.warnings.length)}. Nothing was changed.`,
      );
    }
    return {
      plan,
      snapshot,
      backend,
      loaded,
      elapsedMs: Date.now() - started,
      refused,
      ...(accountQuota === undefined ? {} : { accountQuota }),
    };
  } catch (err) {
    if (access.write) await closeBackend(backend);
    throw err;
  }
}

/**
 * Loads and validates the config, printing diagnostics; throws a user error when invalid. The
 * warnings come back too (validate's JSON lists each one).
 */
export async function loadValidConfig(
  ctx: CommandContext,
  options: Pick<GlobalOptions, 'config'>,
): Promise<LoadedConfig & { readonly warnings: readonly Diagnostic[] }> {
  const result = await loadConfig(options.config, ctx.cwd);
  printDiagnostics(ctx.io, result.warnings, ctx.cwd);
  if (!result.ok) {
    printDiagnostics(ctx.io, result.errors, ctx.cwd);
    throw new OrgopsError(
      'config-invalid',
      `The config is invalid: ${countLine(result.errors.length, result.warnings.length)}. Nothing was changed.`,
    );
  }
  return { ...result.value, warnings: result.warnings };
}

/**
 * A delegated administrator can read and manage policies, but not accounts, OUs, trusted access
 * or permission sets provisioned in the management account. Say so before anyone reviews a plan
 * that cannot be applied from here.
 */
async function warnIfDelegatedAdministrator(ctx: CommandContext, backend: Backend): Promise<void> {
  const check = (backend as Partial<{ callerIsManagementAccount(): Promise<boolean> }>)
    .callerIsManagementAccount;
  if (!check) return;
  if (await check.call(backend)) return;
  ctx.io.err(
    "warning [not-management-account] These credentials are not the management account's (a delegated administrator?). " +
      'Reading works, but creating, moving or closing accounts, changing OUs, trusted access and delegated administrators, ' +
      'and managing permission sets provisioned in the management account will fail with AccessDenied. ' +
      'Run apply with the management account (see packages/aws/README.md).',
  );
}
