import type { QuarantinePlan, QuarantineStep } from '@orgops/engine';
import { type Backend, isServiceError } from '../ports.ts';

/** One step of a quarantine and what became of it. */
export interface QuarantineOutcome {
  readonly step: QuarantineStep;
  readonly status: 'done' | 'already' | 'failed';
  readonly note?: string;
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * Carries out a quarantine plan in order: guardrails on the OU, then the move, then the record.
 * It stops at the first failure (the account must never sit in the OU without its guardrails).
 * AWS's "already so" answers count as done, and a move whose source changed meanwhile is retried
 * from where the account is now, so running the command twice, or two responders at once, ends
 * in the same quarantine.
 */
export async function applyQuarantine(
  backend: Backend,
  plan: QuarantinePlan,
  onStep: (outcome: QuarantineOutcome) => void = () => {},
): Promise<{ readonly ok: boolean; readonly outcomes: readonly QuarantineOutcome[] }> {
  const outcomes: QuarantineOutcome[] = [];
  for (const step of plan.steps) {
    const outcome = await run(backend, step);
    outcomes.push(outcome);
    onStep(outcome);
    if (outcome.status === 'failed') return { ok: false, outcomes };
  }
  return { ok: true, outcomes };
}

async function run(backend: Backend, step: QuarantineStep): Promise<QuarantineOutcome> {
  const org = backend.organizations;
  try {
    switch (step.kind) {
      case 'attach-guardrail':
        try {
          await org.attachPolicy(step.policyId, step.ouId);
        } catch (err) {
          if (isServiceError(err, 'DuplicatePolicyAttachmentException'))
            return { step, status: 'already', note: 'attached meanwhile' };
          throw err;
        }
        return { step, status: 'done' };
      case 'move-account':
        return await move(backend, step);
      case 'tag-account':
        await org.tagResource(step.accountId, step.tags);
        return { step, status: 'done' };
    }
  } catch (err) {
    const code = isServiceError(err) ? err.code : err instanceof Error ? err.name : 'Error';
    const message = err instanceof Error ? err.message : String(err);
    return { step, status: 'failed', error: { code, message } };
  }
}

async function move(
  backend: Backend,
  step: Extract<QuarantineStep, { kind: 'move-account' }>,
): Promise<QuarantineOutcome> {
  const org = backend.organizations;
  let from = step.fromId;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await org.moveAccount(step.accountId, from, step.toId);
      return {
        step,
        status: 'done',
        ...(from !== step.fromId ? { note: `it had moved to ${from} meanwhile` } : {}),
      };
    } catch (err) {
      if (isServiceError(err, 'DuplicateAccountException'))
        return { step, status: 'already', note: 'moved meanwhile' };
      if (!isServiceError(err, 'SourceParentNotFoundException')) throw err;
      // Someone moved it since the read: move it from where it is now.
      const now = (await org.listParents(step.accountId))[0]?.id;
      if (now === undefined) throw err;
      if (now === step.toId) return { step, status: 'already', note: 'moved meanwhile' };
      from = now;
    }
  }
  throw new Error(`${step.accountId} kept moving while it was being quarantined; run the command again.`);
}
