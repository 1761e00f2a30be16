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
  'reference-delegated-administrator-member': {
    why: 'the management account named as delegated administrator, which AWS refuses (issue 13 item 14)',
  },
};

/** The config name inside a diagnostic path such as `accounts[acct-1].parent`. */
const nameIn = (path: string): string => /\[([^\]]+)\]/.exec(path)?.[1] ?? '';

const oracleFinds = (truth: TruthView, what: string, where: (w: string) => boolean): boolean =>
  truth.discrepancies.some((d) => d.what === what && where(d.where));

/** Plan-time errors (`plan()` returning `ok: false`). */
export const PLAN_REFUSALS: Readonly<Record<string, Refusal>> = {
  'account-not-in-config': {
    why: 'the vendor account exists but ignore does not cover it, or a console email change made a config account unrecognisable',
    corroborated: (error, truth) =>
      truth.discrepancies.some(
        (d) => d.what === 'account-unexpected' && d.where.includes(`<${String(error.value).toLowerCase()}>`),
      ),
  },
  'account-email-differs': {
    why: 'a console edit changed the root email of an account config names by id (issue 13 item 7)',
    corroborated: (e, truth) =>
      oracleFinds(truth, 'account-email', (w) => w.includes(`<${String(e.value).toLowerCase()}>`)),
  },
  'account-in-ignored-ou': {
    why: 'a console edit moved a config account into an ignored OU (issue 13 item 9)',
    corroborated: (e, truth) =>
      oracleFinds(truth, 'account-placement', (w) => w.startsWith(`account ${nameIn(e.path)} `)),
  },
  'ignore-matches-attached-policy': {
    why: "ignore.policies '*AWS*' matches FullAWSAccess, which config attaches (issue 13 item 10)",
  },
  'ou-delete-not-empty': {
    why: 'an OU config no longer has still holds an ignored or closed account, or an ignored OU (issue 13 item 8)',
    corroborated: (_e, truth) => truth.discrepancies.some((d) => d.what === 'ou-unexpected'),
  },
  'permission-set-delete-still-assigned': {
    why: 'a permission set config no longer has is still assigned in an ignored account (issue 13 item 8)',
    corroborated: (e, truth) =>
      oracleFinds(truth, 'permission-set-unexpected', (w) => w === `permission set ${String(e.value)}`),
  },
  'permission-set-description-not-removable': {
    why: "config drops a permission set's description, which AWS can only replace (issue 13 item 16)",
    corroborated: (e, truth) =>
      oracleFinds(truth, 'permission-set-field', (w) => w === `permission set ${nameIn(e.path)} description`),
  },
  'policy-attachments-over-limit': {
    why: "ignored guardrail SCPs take slots of a target's 10, so config's own no longer fit (issue 13 item 1)",
  },
  'policy-delete-still-attached': {
    why: 'a policy config no longer has is still attached to a closing account or an ignored target (issue 13 item 8)',
    corroborated: (e, truth) =>
      oracleFinds(truth, 'policy-unexpected', (w) => w.includes(` ${String(e.value)} (`)),
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
