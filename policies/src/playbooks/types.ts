import type { PermissionSet } from '@orgops/model';

/**
 * Incident-response playbooks as typed data: what detects the incident, who runs the response
 * (always a permission set of this organization, by object reference, so a rename or removal is a
 * compile error), where it applies, and the ordered steps with the IAM actions each needs. Tests
 * hold every step against the IAM catalogue, the permission set and the guardrail SCPs.
 */

/** Finding severity, in Security Hub's ASFF labels. */
export type PlaybookSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM';

/** What raises the incident. Every list may be empty, but a playbook needs at least one trigger. */
export interface PlaybookTrigger {
  /** GuardDuty finding types, e.g. `UnauthorizedAccess:IAMUser/MaliciousIPCaller`. */
  readonly guardDutyFindingTypes: readonly string[];
  /** Security Hub CSPM control ids, e.g. `S3.8`. */
  readonly securityHubControls: readonly string[];
  /** CloudTrail `eventSource` and `eventName` pairs worth an EventBridge rule. */
  readonly cloudTrailEvents: readonly { readonly eventSource: string; readonly eventName: string }[];
}

/**
 * Request context a step sends, for actions whose grant is conditional: e.g. attaching a policy is
 * only allowed with `iam:PolicyARN` = AWSDenyAll. Tests evaluate the step with exactly this context.
 */
export type StepContext = Readonly<Record<string, string>>;

interface StepBase {
  /** Kebab-case, unique within the playbook. */
  readonly id: string;
  /** What to do, in the imperative. */
  readonly title: string;
  /** Why this step, and why in this place in the order. */
  readonly why: string;
  /** Every IAM action the step calls, as `service:Action` (no wildcards: a step calls real APIs). */
  readonly actions: readonly string[];
  readonly context?: StepContext;
  /**
   * Example resources the actions are called on, for steps where a policy depends on them
   * (protect-privileged-roles matches role ARNs; the responder may only attach isolation security
   * groups). Tests evaluate every action on every one; runbooks leave them out. Without them the
   * tests use an example ARN of each action's resource type in the account.
   */
  readonly resources?: readonly string[];
}

/** A step the playbook's permission set performs. */
export interface ResponderStep extends StepBase {
  readonly kind: 'respond';
}

/**
 * Where the responder's permissions stop and the break-glass role takes over. `by-design`: the
 * responder must not be able to do this (it grants, deletes evidence or changes a guardrail-owned
 * setting). `permission-gap`: the responder should be able to, but cannot today; `reason` names
 * the finding, and the step turns into a responder step once the permission set is fixed (the
 * tests fail until it is reclassified).
 */
export interface EscalationStep extends StepBase {
  readonly kind: 'escalate';
  /** Role pattern of who takes over. */
  readonly escalateTo: string;
  readonly because: 'by-design' | 'permission-gap';
  readonly reason: string;
}

/**
 * A step orgops carries out itself, with the management account's credentials: `orgops quarantine
 * ACCOUNT --reason …` moves the account into the quarantine OU, where deny-all stops everyone
 * inside and the quarantine RCP everyone outside, and no later plan moves it out without a
 * release. The responder cannot do it (only the management account moves accounts); `runWith`
 * names who can. `actions` are exactly the calls the command makes.
 */
export interface OrgopsStep extends StepBase {
  readonly kind: 'orgops';
  readonly command: 'quarantine';
  /** Role patterns in the management account that run the command. */
  readonly runWith: readonly string[];
}

export type PlaybookStep = ResponderStep | EscalationStep | OrgopsStep;

/** One incident-response playbook. */
export interface Playbook {
  readonly kind: 'playbook';
  /** Kebab-case, stable: referenced from alerts and tickets. */
  readonly id: string;
  readonly title: string;
  readonly severity: PlaybookSeverity;
  readonly trigger: PlaybookTrigger;
  /** The permission set the responder signs in with. */
  readonly runAs: PermissionSet;
  /** OU paths (`/` is every account) where the playbook applies, as in `accounts/`. */
  readonly appliesTo: readonly string[];
  /** In order. At least one escalation step: every playbook says where the responder stops. */
  readonly steps: readonly PlaybookStep[];
}
