import type { Diagnostic } from '@orgops/model';
import { address } from './addresses.ts';
import { heldAccounts, heldFix, heldWords } from './analysis/held-in-quarantine.ts';
import type { Action, Change } from './change.ts';
import { changesOf, type Plan } from './plan.ts';

/**
 * Drift is a plan made with the config already merged: every change is something that happened
 * outside orgops. The class says what, so the drift report reads as events, not as a to-do list.
 */
export type DriftClass =
  | 'changed-outside'
  | 'created-outside'
  | 'deleted-outside'
  | 'not-reprovisioned'
  | 'not-in-config'
  | 'cannot-plan'
  | 'held-in-quarantine';

export interface DriftItem {
  readonly class: DriftClass;
  readonly address: string;
  readonly description: string;
  /** What `orgops apply` will do about it. */
  readonly remedy: string;
}

export const DRIFT_CLASS_LABELS: Readonly<Record<DriftClass, string>> = {
  'changed-outside': 'changed outside orgops',
  'created-outside': 'created outside orgops',
  'deleted-outside': 'deleted outside orgops',
  'not-reprovisioned': 'permission set not re-provisioned',
  'not-in-config': 'not in config',
  'cannot-plan': 'differences orgops cannot plan',
  'held-in-quarantine': 'held in quarantine, config not caught up',
};

/**
 * Every difference, as events: the plan's changes, and what the planner had to refuse (an account
 * nobody put in config, a root email changed in the console…), which drift reports instead of
 * failing, so one of them never hides the others.
 */
export function classifyDrift(
  plan: Pick<Plan, 'phases'> & Partial<Pick<Plan, 'reviewContext'>>,
  refused: readonly Diagnostic[] = [],
): DriftItem[] {
  const changes = changesOf(plan).map((c) => ({
    class: classOf(c),
    address: c.address,
    description: describe(c),
    remedy: `${c.action} ${c.address}`,
  }));
  return [...changes, ...refused.map(refusalItem), ...heldItems(plan)];
}

/**
 * A held account is not drift to revert: no apply moves it out. It is reported only while config
 * disagrees with its quarantine (not recorded, another quarantine recorded, a release for another
 * one), so the drift issue stays open until the quarantine's pull request is merged.
 */
function heldItems(plan: Partial<Pick<Plan, 'reviewContext'>>): DriftItem[] {
  if (!plan.reviewContext) return [];
  return heldAccounts(plan.reviewContext).flatMap((a) => {
    const fix = heldFix(a);
    if (!fix) return [];
    return [
      {
        class: 'held-in-quarantine',
        address: address.account(a.email),
        description: heldWords(a),
        remedy: fix,
      },
    ];
  });
}

function refusalItem(d: Diagnostic): DriftItem {
  if (d.code === 'account-not-in-config' && typeof d.value === 'string') {
    return {
      class: 'not-in-config',
      address: address.account(d.value.toLowerCase()),
      description: d.message,
      remedy: d.fix,
    };
  }
  return { class: 'cannot-plan', address: d.path, description: d.message, remedy: d.fix };
}

function classOf(c: Change): DriftClass {
  if (c.kind === 'permission-set-provision' && c.reason?.includes('outdated')) return 'not-reprovisioned';
  return DRIFT_CLASS_OF_ACTION[c.action];
}

/** What each action undoes, read as drift: every action has a class, checked by `tsc`. */
const DRIFT_CLASS_OF_ACTION: { readonly [A in Action]: DriftClass } = {
  create: 'deleted-outside',
  enable: 'deleted-outside',
  register: 'deleted-outside',
  attach: 'deleted-outside',
  delete: 'created-outside',
  disable: 'created-outside',
  deregister: 'created-outside',
  detach: 'created-outside',
  update: 'changed-outside',
  move: 'changed-outside',
  provision: 'changed-outside',
  close: 'changed-outside',
  tag: 'changed-outside',
};

/** What happened outside orgops, in words: the opposite of what the plan will do about it. */
function describe(c: Change): string {
  switch (c.kind) {
    case 'assignment':
      return c.action === 'create'
        ? `${c.principal.type.toLowerCase()} ${c.principal.name} no longer has ${c.permissionSet} in ${c.account.name}`
        : `${c.principal.type.toLowerCase()} ${c.principal.name} was given ${c.permissionSet} in ${c.account.name}`;
    case 'policy-attachment':
      return c.action === 'attach'
        ? `${c.policyName} was detached from ${targetLabel(c.target)}`
        : `${c.policyName} was attached to ${targetLabel(c.target)}`;
    case 'account-create':
      return `account ${c.name} (${c.email}) is missing from the organization`;
    case 'account-move':
      return `${c.account.name} was moved from ${c.toPath} to ${c.fromPath}`;
    case 'account-tag':
      return `tags of ${c.account.name} were changed`;
    case 'account-close':
      return `${c.account.name} is still open although config marks it for closure`;
    case 'ou-create':
      return `OU ${c.path} was deleted`;
    case 'ou-update':
      return `OU ${c.path} was ${c.rename ? 'renamed' : 'retagged'}`;
    case 'ou-delete':
      return `OU ${c.path} was created`;
    case 'policy-create':
      return `policy ${c.name} was deleted`;
    case 'policy-update':
      return `${c.name} was edited (${[c.content && 'content', c.description && 'description', c.tags && 'tags', c.rename && 'name'].filter(Boolean).join(', ')})`;
    case 'policy-delete':
      return `policy ${c.name} was created`;
    case 'permission-set-create':
      return `permission set ${c.name} was deleted`;
    case 'permission-set-update':
      return `${c.name} was edited (${Object.keys(c.after).join(', ')})`;
    case 'permission-set-delete':
      return `permission set ${c.name} was created`;
    case 'permission-set-provision':
      return c.reason?.includes('outdated')
        ? `${c.name} is outdated in ${c.accounts.map((a) => a.name).join(', ')}`
        : `${c.name} must be re-provisioned in ${c.accounts.map((a) => a.name).join(', ')} to undo the edit`;
    case 'trusted-service':
      return `trusted access for ${c.servicePrincipal} was ${c.action === 'enable' ? 'disabled' : 'enabled'}`;
    case 'delegated-admin':
      return c.action === 'register'
        ? `${c.account.name} is no longer delegated administrator for ${c.servicePrincipal}`
        : `${c.account.name} was made delegated administrator for ${c.servicePrincipal}`;
    case 'policy-type':
      return `policy type ${c.policyType} was ${c.action === 'enable' ? 'disabled' : 'enabled'}`;
  }
}

function targetLabel(t: Extract<Change, { kind: 'policy-attachment' }>['target']): string {
  return t.kind === 'root' ? 'the root' : t.kind === 'ou' ? t.path : t.account.name;
}
