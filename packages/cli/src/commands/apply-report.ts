import { escapeControls } from '@orgops/engine';
import type { ApplyError, ApplyEvent, ApplyResult, Backend } from '@orgops/live';
import { paint } from '../color.ts';

/**
 * One progress line per event (stderr); polling and per-change starts stay quiet. Addresses and
 * AWS messages carry organization names, so control characters print as escapes.
 */
export function formatApplyEvent(e: ApplyEvent): string | undefined {
  const line = eventLine(e);
  return line === undefined ? undefined : escapeControls(line);
}

function eventLine(e: ApplyEvent): string | undefined {
  switch (e.kind) {
    case 'refresh':
      return e.message;
    case 'phase':
      return `${e.phase}: ${e.changes} change${e.changes === 1 ? '' : 's'}`;
    case 'wait':
      return `  … ${e.address}: ${e.message}`;
    case 'done':
      return `  ✓ ${e.address}${e.note ? ` (${e.note})` : ''}`;
    case 'skipped':
      return `  - ${e.address}: skipped, ${e.note}`;
    case 'failed':
      return `  ✗ ${e.address}: ${e.error.code}${e.error.reason ? ` (${e.error.reason})` : ''}: ${e.error.message}`;
    case 'halt':
      return e.message;
    default:
      return undefined;
  }
}

/** The closing report: counts, then every change that did not simply succeed. */
export function formatApplyResult(
  result: ApplyResult,
  color: boolean,
  options: { readonly interrupted?: boolean } = {},
): string {
  const { done, skipped, failed } = result.counts;
  const notStarted = result.counts['not-started'];
  const head = options.interrupted
    ? paint.red(
        color,
        `Apply interrupted: ${done} done, ${failed} stopped part-way, ${notStarted} not started, ${skipped} skipped.`,
      )
    : result.ok
      ? paint.green(color, `Apply complete: ${done} done, ${skipped} skipped.`)
      : paint.red(
          color,
          `Apply failed: ${done} done, ${failed} failed, ${notStarted} not started, ${skipped} skipped.`,
        );
  const lines = [head];
  for (const o of result.outcomes) {
    if (o.status === 'done') continue;
    // After Ctrl-C the count says how many never started; the list shows what stopped part-way.
    if (options.interrupted && o.status === 'not-started') continue;
    if (options.interrupted && o.error?.code === 'interrupted') {
      lines.push(
        escapeControls(
          `  ${'interrupted'.padEnd(11)} ${o.address}  stopped before its next call; plan shows what it still needs`,
        ),
      );
      continue;
    }
    const detail = o.error
      ? `${o.error.code}${o.error.reason ? ` (${o.error.reason})` : ''}: ${o.error.message}`
      : (o.note ?? '');
    lines.push(escapeControls(`  ${o.status.padEnd(11)} ${o.address}${detail ? `  ${detail}` : ''}`));
  }
  return lines.join('\n');
}

type FailureKind = 'account-quota' | 'email-taken' | 'access-denied' | 'transient' | 'other';

/** Errors that go away on their own: another attempt later succeeds. */
const TRANSIENT =
  /^(ThrottlingException|TooManyRequestsException|ConcurrentModificationException|PolicyChangesInProgressException|ConflictException|ServiceException|InternalServerException|ServiceUnavailable|RequestFailed|poll-timeout)$/;

function kindOf(error: ApplyError): FailureKind {
  const text = `${error.code} ${error.reason ?? ''} ${error.message}`;
  if (/ACCOUNT_LIMIT_EXCEEDED|ACCOUNT_NUMBER_LIMIT_EXCEEDED/.test(text)) return 'account-quota';
  if (/EMAIL_ALREADY_EXISTS/.test(text)) return 'email-taken';
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/.test(error.code)) return 'access-denied';
  if (TRANSIENT.test(error.code)) return 'transient';
  return 'other';
}

/**
 * What to do after a failed apply, for the kinds of failure seen. Only a temporary failure is
 * worth simply trying again; for every other kind a retry fails the same way, so the advice names
 * the fix first and never promises that applying again finishes the job.
 */
export function adviceAfterFailure(result: ApplyResult, backend: Pick<Backend, 'kind' | 'location'>): string {
  const kinds = new Set(result.outcomes.flatMap((o) => (o.error ? [kindOf(o.error)] : [])));
  const lines = ['Apply stopped part-way: what is marked done is in the organization and stays done.'];
  if (kinds.has('account-quota')) {
    lines.push(
      backend.kind === 'sandbox'
        ? `The organization is at its account quota. Raise quotas.maxAccounts in the sandbox file ${backend.location}, or remove accounts from the config.`
        : 'The organization is at its account quota (closed accounts count until AWS removes them). From the management account, request more in Service Quotas (us-east-1): AWS Organizations, "Default maximum number of accounts"; or remove accounts from the config.',
    );
  }
  if (kinds.has('email-taken'))
    lines.push(
      'An account email is already used by another AWS account: give the account a new email in the config.',
    );
  if (kinds.has('access-denied'))
    lines.push(
      'The credentials lack a permission: grant it (packages/aws/README.md lists the apply policy) or run from the management account.',
    );
  if (kinds.has('other')) lines.push('Fix the cause shown above.');
  const onlyTransient = kinds.size > 0 && [...kinds].every((k) => k === 'transient');
  lines.push(
    onlyTransient
      ? 'The failure was temporary: run `orgops plan` to see what is left, and apply that plan.'
      : 'Then run `orgops plan` to see what is left, and apply that plan; applying again without the fix fails the same way.',
  );
  return lines.join('\n');
}
