import type { Change, PhaseName, Snapshot } from '@orgops/engine';
import type { Clock } from '../pacing/clock.ts';
import type { Backend, CallStats } from '../ports.ts';
import type { AssignmentEnumeration } from '../reader/read-assignments.ts';

/** Progress of an apply, emitted as it happens; the CLI decides how to show it. */
export type ApplyEvent =
  | { readonly kind: 'refresh'; readonly message: string }
  | { readonly kind: 'phase'; readonly phase: PhaseName; readonly changes: number }
  | { readonly kind: 'start'; readonly phase: PhaseName; readonly address: string; readonly change: Change }
  | { readonly kind: 'wait'; readonly address: string; readonly message: string }
  | { readonly kind: 'done'; readonly address: string; readonly note?: string }
  | { readonly kind: 'skipped'; readonly address: string; readonly note: string }
  | { readonly kind: 'failed'; readonly address: string; readonly error: ApplyError }
  | { readonly kind: 'halt'; readonly message: string };

export interface ApplyError {
  /** AWS exception name (`ConstraintViolationException`) or orgops error code. */
  readonly code: string;
  /** AWS's `Reason`, or the failure reason of an asynchronous request when AWS gives a code (`ACCOUNT_LIMIT_EXCEEDED`). */
  readonly reason?: string;
  readonly message: string;
  /** `service:Operation` when AWS refused the call or failed the request it started; absent for orgops's own errors. */
  readonly operation?: string;
}

export type OutcomeStatus = 'done' | 'skipped' | 'failed' | 'not-started';

/** What happened to one planned change. */
export interface ChangeOutcome {
  readonly phase: PhaseName;
  readonly address: string;
  readonly change: Change;
  readonly status: OutcomeStatus;
  readonly error?: ApplyError;
  /** e.g. accounts left out because they are suspended. */
  readonly note?: string;
}

/** Every change with its outcome, in plan order: exactly what was and was not done. */
export interface ApplyResult {
  /** True when no change failed (skipped ones carry a note). */
  readonly ok: boolean;
  readonly outcomes: readonly ChangeOutcome[];
  readonly counts: Readonly<Record<OutcomeStatus, number>>;
  /** Backend calls made during the apply (including the freshness read). */
  readonly stats: CallStats;
}

export interface ApplyOptions {
  readonly onEvent?: (e: ApplyEvent) => void;
  /** Wait between polls of asynchronous requests (default 1000 ms; tests use 0). */
  readonly pollIntervalMs?: number;
  /** Polls before giving up on one request (default 900). */
  readonly maxPolls?: number;
  /** Whose time the polls and retries wait on (default the system clock; `pnpm bench` models it). */
  readonly clock?: Clock;
  /**
   * Keep starting changes after a failure, to find every change AWS would refuse rather than the
   * first. Only for rehearsals on a twin: against a real organization, apply stops at the first
   * failure so a re-plan picks up from a known state.
   */
  readonly continueAfterFailure?: boolean;
  /** Assignment enumeration for the freshness re-read; use the one the plan's read used. */
  readonly assignments?: AssignmentEnumeration;
  /** How to re-read the organization before applying (default: `readSnapshot`). */
  readonly readSnapshot?: (
    backend: Backend,
    principals: readonly { type: 'GROUP' | 'USER'; name: string }[],
  ) => Promise<Snapshot>;
}
