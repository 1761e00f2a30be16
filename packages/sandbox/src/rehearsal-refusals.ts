import type { RehearsalRefusal } from '@orgops/engine';
import type { ApplyError, ApplyResult } from '@orgops/live';
import { OrgopsError } from '@orgops/model';
import { fixFor } from './rehearsal-fixes.ts';

/**
 * Every change AWS refused, in plan order. A change that failed on orgops's own account (an OU,
 * policy or account an earlier refused change should have created) was not rehearsed: it depends
 * on a refusal. Such a failure with no refusal at all is a bug, not something AWS would do.
 */
export function refusalsOf(result: Pick<ApplyResult, 'outcomes'>): {
  refusals: RehearsalRefusal[];
  notRehearsed: number;
} {
  const refusals: RehearsalRefusal[] = [];
  let dependent = 0;
  const unexplained: string[] = [];
  for (const o of result.outcomes) {
    if (o.status === 'not-started') dependent += 1;
    if (o.status !== 'failed' || !o.error) continue;
    const e = o.error;
    if (!e.operation) {
      dependent += 1;
      unexplained.push(`${o.address}: ${e.code}: ${e.message}`);
      continue;
    }
    const code = awsCode(e);
    // A failed CreateAccount's reason is its code: it is not repeated as the reason.
    const reason = e.reason && e.reason !== code ? e.reason : undefined;
    refusals.push({
      phase: o.phase,
      address: o.address,
      action: o.change.action,
      operation: e.operation,
      code,
      ...(reason ? { reason } : {}),
      message: awsMessage(e),
      fix: fixFor({ code, ...(reason ? { reason } : {}), operation: e.operation }, o.change),
    });
  }
  if (refusals.length === 0 && unexplained.length > 0)
    throw new OrgopsError(
      'rehearsal-failed',
      `The rehearsal failed without AWS refusing anything (a bug in orgops; please report it):\n  ${unexplained.join('\n  ')}`,
      'internal',
    );
  return { refusals, notRehearsed: dependent };
}

/**
 * AWS's code for a refusal: the exception name of a refused call; for a request AWS accepted and
 * then failed, the failure reason when it is a code (CreateAccount's `ACCOUNT_LIMIT_EXCEEDED`),
 * else the request's status, `FAILED` (Identity Center explains its failures in prose). The
 * applier's own codes for those (`create-account-failed`, `async-failed`) are orgops's, not AWS's.
 */
export function awsCode(e: Pick<ApplyError, 'code' | 'reason'>): string {
  if (e.code === 'create-account-failed') return e.reason ?? 'FAILED';
  if (e.code === 'async-failed') return 'FAILED';
  return e.code;
}

/**
 * AWS's own message: a ServiceError's starts with `service:Operation: Code (Reason): `, which the
 * refusal records apart.
 */
function awsMessage(e: ApplyError): string {
  const prefix = `${e.operation}: ${e.code}${e.reason ? ` (${e.reason})` : ''}: `;
  return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}
