import { changesOf, isEmptyPlan, type Plan } from '@orgops/engine';
import { type ApplyResult, applyPlan, type Backend } from '@orgops/live';
import { OrgopsError } from '@orgops/model';
import { paint } from '../color.ts';
import type { CommandContext } from '../command-context.ts';
import { EXIT } from '../exit-codes.ts';
import { formatStats } from '../stats.ts';
import { adviceAfterFailure, formatApplyEvent, formatApplyResult } from './apply-report.ts';

export interface ApplyRunOptions {
  readonly autoApprove?: boolean;
  readonly allowAccountClosure?: boolean;
  readonly stats?: boolean;
}

/**
 * The part of `orgops apply` after the plan is known: explicit intent for closures, the approval
 * prompt, the apply itself with Ctrl-C handled, and the closing report.
 */
export async function approveAndApply(
  ctx: CommandContext,
  plan: Plan,
  backend: Backend,
  options: ApplyRunOptions,
  started: number,
): Promise<number> {
  if (isEmptyPlan(plan)) return EXIT.ok;

  const closures = changesOf(plan).filter((c) => c.kind === 'account-close');
  if (closures.length && !options.allowAccountClosure) {
    throw new OrgopsError(
      'closure-not-allowed',
      `The plan closes ${closures.length} account(s) (${closures.map((c) => c.address).join(', ')}). Closing is irreversible after 90 days; re-run with --allow-account-closure to confirm.`,
    );
  }

  if (!options.autoApprove) {
    if (!ctx.io.interactive || !ctx.io.ask) {
      throw new OrgopsError(
        'approval-required',
        'Refusing to apply without approval: no terminal to ask on. Review the plan and pass --auto-approve.',
      );
    }
    const answer = await ctx.io.ask(
      `\nApply these ${plan.summary.total} changes to ${plan.target.backend === 'aws' ? `AWS organization ${plan.target.organizationId}` : `the sandbox (${plan.target.location})`}? Only 'yes' is accepted: `,
    );
    if (answer === undefined) {
      ctx.io.err('\nApply cancelled at the prompt. Nothing was changed.');
      return EXIT.interrupted;
    }
    if (answer.trim() !== 'yes') {
      ctx.io.err('Apply cancelled. Nothing was changed.');
      return EXIT.error;
    }
  }

  ctx.io.progress(`Applying ${plan.summary.total} changes...`);
  let interrupted = false;
  const stopListening = ctx.io.onInterrupt?.(() => {
    interrupted = true;
    ctx.io.err(
      'Interrupted: no new change starts, and changes in flight stop at their next call. Press Ctrl-C again to quit at once.',
    );
  });
  let result: ApplyResult;
  try {
    result = await applyPlan(
      plan,
      stoppable(backend, () => interrupted),
      {
        onEvent: (e) => {
          const line = formatApplyEvent(e);
          if (line) ctx.io.progress(line);
        },
        // The sandbox finishes async requests after a few polls; no need to wait real seconds there.
        pollIntervalMs: backend.kind === 'sandbox' ? 5 : undefined,
      },
    );
  } catch (err) {
    if (!interrupted) throw err;
    ctx.io.err('Apply interrupted before its first change. Nothing was changed.');
    return EXIT.interrupted;
  } finally {
    stopListening?.();
  }
  if (options.stats) ctx.io.err(formatStats(backend.stats(), Date.now() - started));
  if (interrupted) {
    ctx.io.err(formatApplyResult(result, ctx.io.errColor, { interrupted: true }));
    ctx.io.err(
      paint.red(
        ctx.io.errColor,
        `Apply interrupted. What is marked ✓ is done and stays done; ${result.counts['not-started']} change(s) were not started. Run \`orgops plan\` to see what is left.`,
      ),
    );
    return EXIT.interrupted;
  }
  if (!result.ok) {
    ctx.io.err(formatApplyResult(result, ctx.io.errColor));
    ctx.io.err(paint.red(ctx.io.errColor, adviceAfterFailure(result, backend)));
    return EXIT.error;
  }
  ctx.io.out(formatApplyResult(result, ctx.io.color));
  return EXIT.ok;
}

/**
 * The backend with every port call refused once `stopped()` is true: the applier treats the refusal
 * as a failure, so it starts nothing new, and each change in flight stops at its next call.
 */
function stoppable(backend: Backend, stopped: () => boolean): Backend {
  const guard = <T extends object>(port: T): T =>
    new Proxy(port, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          stopped()
            ? Promise.reject(
                new OrgopsError(
                  'interrupted',
                  `not called: the apply was interrupted before ${String(name)}`,
                ),
              )
            : (value as (...a: unknown[]) => unknown).apply(target, args);
      },
    });
  return {
    kind: backend.kind,
    location: backend.location,
    organizations: guard(backend.organizations),
    ssoAdmin: guard(backend.ssoAdmin),
    identityStore: guard(backend.identityStore),
    stats: () => backend.stats(),
  };
}
