import type { Discrepancy, Snapshot } from '@orgops/engine';
import type { Diagnostic } from '@orgops/model';

/**
 * The refusals a generated case may legitimately end in. A code outside these lists (a crash, an
 * internal error, a refusal the generator was not built to provoke) fails the property, and so
 * does a listed refusal that the organization does not bear out.
 */
export interface Refusal {
  /** Why the generator can provoke it, and why refusing is right. */
  readonly why: string;
  /** Whether the organization bears the refusal out; absent when the config alone decides it. */
  readonly corroborated?: (error: Diagnostic, truth: TruthView) => boolean;
}

export interface TruthView {
  readonly snapshot: Snapshot;
  /** The oracle's verdict on the same config and organization. */
  readonly discrepancies: readonly Discrepancy[];
}

/** `validateConfig` errors. */
export const VALIDATION_REFUSALS: Readonly<Record<string, Refusal>> = {
  'policy-attachments-per-target': {
    why: 'an OU with bulk SCPs, FullAWSAccess and pool SCPs can declare more than the 10 SCPs AWS allows on one target',
  },
};

/** Plan-time errors (`plan()` returning `ok: false`). */
export const PLAN_REFUSALS: Readonly<Record<string, Refusal>> = {
  'account-not-in-config': {
    why: 'the vendor account exists but ignore does not cover it, or a console email change made a config account unrecognisable',
    corroborated: (error, truth) =>
      truth.discrepancies.some(
        (d) => d.what === 'account-unexpected' && d.where.includes(`<${String(error.value).toLowerCase()}>`),
      ),
  },
  'no-identity-center': {
    why: 'the organization has no IAM Identity Center instance and config assigns permission sets',
    corroborated: (_error, truth) => truth.snapshot.identityCenter === undefined,
  },
  'unknown-principal': {
    why: 'a group was deleted from the identity store while config still assigns to it',
    corroborated: (error, truth) =>
      !(truth.snapshot.identityCenter?.principals ?? []).some((p) => p.name === error.value),
  },
};

/** Why a refusal is not acceptable, or undefined when it is. */
export function unacceptableRefusal(
  errors: readonly Diagnostic[],
  allowed: Readonly<Record<string, Refusal>>,
  truth: TruthView,
): string | undefined {
  for (const e of errors) {
    const refusal = allowed[e.code];
    if (!refusal) return `refusal ${e.code} is not an expected outcome for a generated case: ${e.message}`;
    if (!e.message || !e.fix || e.path === undefined)
      return `refusal ${e.code} is not located (message, path and fix are required): ${JSON.stringify(e)}`;
    if (refusal.corroborated && !refusal.corroborated(e, truth))
      return `refusal ${e.code} is not borne out by the organization (${e.message}); the oracle finds:\n${truth.discrepancies.map((d) => `  ${d.what} at ${d.where}`).join('\n') || '  nothing'}`;
  }
  return undefined;
}
