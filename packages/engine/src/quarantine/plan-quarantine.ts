import {
  LIMITS_VERSION,
  OrgopsError,
  policyTypeLabel,
  policyTypeLimits,
  type QuarantineEntry,
  quarantineRecordOf,
  quarantineTagsOf,
  sanitizeTagValue,
  type Tags,
} from '@orgops/model';
import { QUARANTINE_STEP_ORDER, type QuarantineStepKind } from '../ordering/quarantine-steps.ts';
import type { SnapshotAccount } from '../snapshot.ts';

/**
 * What `orgops quarantine` reads before it acts: the account, where it is, the quarantine OU and
 * the state of each guardrail there. Read by `@orgops/live` with a handful of calls, never a whole
 * snapshot: containment should not wait on rate limits.
 */
export interface QuarantineFacts {
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly enabledPolicyTypes: readonly string[];
  /** The account as a snapshot records it (how it joined does not matter here). */
  readonly account: Omit<SnapshotAccount, 'joinedMethod'>;
  /** The quarantine OU from config, and its live id when it exists. */
  readonly quarantineOu: { readonly path: string; readonly id?: string };
  /** Each guardrail of config: its live id when the policy exists, and whether it is on the OU. */
  readonly guardrails: readonly {
    readonly type: string;
    readonly name: string;
    readonly id?: string;
    readonly attached: boolean;
  }[];
  /** Policies of each guardrail type attached to the OU directly, for the per-target maximum. */
  readonly attachedCounts: Readonly<Record<string, number>>;
  /** The caller's ARN: who quarantined the account. */
  readonly caller: string;
}

export type QuarantineStep = (
  | {
      readonly kind: 'attach-guardrail';
      readonly policyType: string;
      readonly policyName: string;
      readonly policyId: string;
      readonly ouId: string;
      readonly ouPath: string;
    }
  | {
      readonly kind: 'move-account';
      readonly accountId: string;
      readonly fromId: string;
      readonly toId: string;
      readonly toPath: string;
    }
  | { readonly kind: 'tag-account'; readonly accountId: string; readonly tags: Tags }
) & { readonly kind: QuarantineStepKind };

/** What the command will do (or, with `--dry-run`, would do), and what is already so. */
export interface QuarantinePlan {
  readonly account: { readonly id: string; readonly name: string; readonly email: string };
  readonly quarantinePath: string;
  /** In `QUARANTINE_STEP_ORDER`: guardrails first, so the account never arrives in an unguarded OU. */
  readonly steps: readonly QuarantineStep[];
  /** What is already as it should be, in words: a second run says so and changes nothing. */
  readonly already: readonly string[];
  /** The quarantine the account carries afterwards: this run's, or the one it was already in. */
  readonly entry: Required<QuarantineEntry>;
  /** True when the account was already quarantined (in the OU, with a record). */
  readonly wasQuarantined: boolean;
  /** The reason as the tag carries it, when AWS's tag pattern forced a change. */
  readonly sanitizedReason?: string;
}

/**
 * Decides the quarantine of one account. Pure: the same facts give the same plan; `--dry-run`
 * prints it and stops, the command applies it otherwise.
 *
 * @throws OrgopsError with a `quarantine-*` code when the account cannot or must not be
 * quarantined: the management account (no SCP applies there), a closed account, a quarantine OU
 * or guardrail that does not exist yet, a guardrail type that is disabled or has no room left.
 */
export function planQuarantine(
  facts: QuarantineFacts,
  request: { readonly reason: string; readonly now: Date },
): QuarantinePlan {
  const { account, quarantineOu } = facts;
  const label = `${account.name} (${account.id})`;
  if (account.id === facts.managementAccountId) {
    throw new OrgopsError(
      'quarantine-management-account',
      `${label} is the management account of ${facts.organizationId}. No SCP or RCP applies to it, so a quarantine OU cannot contain it, and AWS does not move it. Contain it by its credentials instead: revoke the sessions of its roles, lock its root user, and use break-glass and AWS Support.`,
    );
  }
  if (account.state !== 'ACTIVE') {
    throw new OrgopsError(
      'quarantine-account-not-active',
      `${label} is ${account.state}: a closed or closing account can no longer be moved or tagged, and nothing runs in it.`,
    );
  }
  if (!/[\p{L}\p{N}]/u.test(request.reason)) {
    throw new OrgopsError(
      'quarantine-reason-empty',
      `The reason ${JSON.stringify(request.reason)} says nothing; it is recorded on the account and in config. Pass --reason with a ticket or a sentence, e.g. --reason "INC-42 root login from an unknown IP".`,
    );
  }
  const ouId = quarantineOu.id;
  if (ouId === undefined) {
    throw new OrgopsError(
      'quarantine-ou-missing',
      `The quarantine OU ${quarantineOu.path} does not exist in ${facts.organizationId} yet, so there is nowhere to contain ${label}. Apply the config first (orgops apply creates the OU with its guardrails).`,
    );
  }

  const steps: QuarantineStep[] = [];
  const already: string[] = [];
  for (const g of facts.guardrails) {
    const what = `${policyTypeLabel(g.type)} ${g.name}`;
    if (g.attached) {
      already.push(`${what} is attached to ${quarantineOu.path}`);
      continue;
    }
    if (g.id === undefined) {
      throw new OrgopsError(
        'quarantine-guardrail-missing',
        `The quarantine guardrail ${what} does not exist in ${facts.organizationId}, so ${quarantineOu.path} cannot contain ${label}. Apply the config first (orgops apply creates and attaches it).`,
      );
    }
    if (!facts.enabledPolicyTypes.includes(g.type)) {
      throw new OrgopsError(
        'quarantine-policy-type-disabled',
        `The quarantine guardrail ${what} cannot be attached: ${g.type} is not enabled on the root. Apply the config first (it enables the policy types it lists).`,
      );
    }
    const max = policyTypeLimits(g.type).maxPerTarget;
    const count = facts.attachedCounts[g.type] ?? 0;
    if (count + 1 > max) {
      throw new OrgopsError(
        'quarantine-guardrail-over-limit',
        `${quarantineOu.path} already has ${count} ${g.type} attached, the most AWS allows per target (limits ${LIMITS_VERSION}), so ${what} cannot be added. Detach a policy there that the config does not list (orgops plan shows which).`,
      );
    }
    steps.push({
      kind: 'attach-guardrail',
      policyType: g.type,
      policyName: g.name,
      policyId: g.id,
      ouId,
      ouPath: quarantineOu.path,
    });
  }

  const inOu = account.parentId === ouId;
  const record = quarantineRecordOf(account.tags);
  const wasQuarantined = inOu && record.reason !== undefined;
  // A second run keeps the first quarantine's record: who, when and why do not change.
  const entry: Required<QuarantineEntry> = wasQuarantined
    ? { reason: record.reason ?? '', at: record.at ?? '', by: record.by ?? '' }
    : { reason: request.reason, at: request.now.toISOString(), by: facts.caller };
  if (inOu) {
    already.push(`${label} is in ${quarantineOu.path}`);
  } else {
    steps.push({
      kind: 'move-account',
      accountId: account.id,
      fromId: account.parentId,
      toId: ouId,
      toPath: quarantineOu.path,
    });
  }
  if (wasQuarantined) {
    already.push(
      `${label} carries the quarantine record of ${entry.at || 'an earlier run'} (${entry.reason})`,
    );
  } else {
    steps.push({
      kind: 'tag-account',
      accountId: account.id,
      // Moved in by hand earlier: where it came from is unknown, so no `from` is claimed.
      tags: quarantineTagsOf({
        ...entry,
        ...((inOu ? record.from : account.parentId) !== undefined
          ? { from: inOu ? record.from : account.parentId }
          : {}),
      }),
    });
  }
  const sanitized = sanitizeTagValue(entry.reason);
  const rank = (step: QuarantineStep): number => QUARANTINE_STEP_ORDER.indexOf(step.kind);
  steps.sort((a, b) => rank(a) - rank(b));
  return {
    account: { id: account.id, name: account.name, email: account.email },
    quarantinePath: quarantineOu.path,
    steps,
    already,
    entry,
    wasQuarantined,
    ...(sanitized.changed && !wasQuarantined ? { sanitizedReason: sanitized.value } : {}),
  };
}

/** A step in words, for the command's output. */
export function describeQuarantineStep(step: QuarantineStep, plan: QuarantinePlan): string {
  const label = `${plan.account.name} (${plan.account.id})`;
  switch (step.kind) {
    case 'attach-guardrail':
      return `attach ${policyTypeLabel(step.policyType)} ${step.policyName} to ${step.ouPath}`;
    case 'move-account':
      return `move ${label} from ${step.fromId} to ${step.toPath}`;
    case 'tag-account':
      return `tag ${label}: ${Object.entries(step.tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`;
  }
}
