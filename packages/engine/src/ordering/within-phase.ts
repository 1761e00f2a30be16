import type { Change } from '../change.ts';
import type { PhaseName } from './phases.ts';

/**
 * How the changes inside one phase are ordered and how the applier may overlap them. Each phase
 * says who orders it (`diff`: the diff function emits dependencies in order; `sorted`: no change
 * depends on another, sorted for a stable plan; `deregister-first`) and whether the applier runs
 * it one change at a time in plan order (`serial`), with the AWS reason.
 */
export interface PhaseSequencing {
  readonly order: 'diff' | 'sorted' | 'deregister-first';
  /** True: one change at a time, in plan order. False: concurrently within the lanes' limits. */
  readonly serial: boolean;
  readonly aws: string;
}

export const WITHIN_PHASE: { readonly [P in PhaseName]: PhaseSequencing } = {
  'enable-services': {
    order: 'sorted',
    serial: false,
    aws: 'Independent; each enable is polled until done.',
  },
  'create-ous': {
    order: 'diff',
    serial: true,
    aws: 'Parents before children (the parent id must exist); under one parent a rename that frees a name before the rename or create that takes it (DuplicateOrganizationalUnitException, aws-facts.md §1.3). Sequenced by `diff-ous.ts`.',
  },
  'write-policies': {
    order: 'diff',
    serial: true,
    aws: 'Renames before creates, a rename away from a name before whatever takes it (DuplicatePolicyException, aws-facts.md §1.3). Sequenced by `diff-policies.ts`.',
  },
  attachments: {
    order: 'diff',
    serial: false,
    aws: "One target's attachments run in plan order (`serialKeyOf`), sequenced by `sequencePolicySwaps`: attach before detach so a target keeps its last SCP, detach first at the cap (aws-facts.md §1.1, §1.4). Different targets are independent.",
  },
  'create-accounts': {
    order: 'sorted',
    serial: false,
    aws: 'Independent; at most 5 CreateAccount in progress (aws-facts.md §1.1), see `LANES`.',
  },
  'place-accounts': { order: 'sorted', serial: false, aws: 'Independent moves and tag writes.' },
  'attach-new-accounts': {
    order: 'diff',
    serial: false,
    aws: 'As `attachments`: per new account, in plan order.',
  },
  delegate: {
    order: 'deregister-first',
    serial: false,
    aws: 'A service has one delegated administrator: the old one is deregistered before the new one registers.',
  },
  'write-permission-sets': { order: 'sorted', serial: false, aws: 'Independent permission sets.' },
  provision: {
    order: 'sorted',
    serial: false,
    aws: 'At most 3 ProvisionPermissionSet at once and one role update per account (aws-facts.md §3.1, §3.2), see `IDENTITY_CENTER_GATES`.',
  },
  'create-assignments': {
    order: 'sorted',
    serial: false,
    aws: 'At most 15 outstanding assignment operations and one role update per account (aws-facts.md §3.1, §3.2).',
  },
  'delete-assignments': { order: 'sorted', serial: false, aws: 'As `create-assignments`.' },
  'delete-permission-sets': {
    order: 'sorted',
    serial: false,
    aws: 'Independent; deprovisioning can lag, so ConflictException is retried (aws-facts.md §3.4).',
  },
  'delete-ous': {
    order: 'diff',
    serial: true,
    aws: 'Children before parents: an OU with child OUs is not empty (OrganizationalUnitNotEmptyException, aws-facts.md §2.3). Sequenced by `diff-ous.ts`.',
  },
  'delete-policies': { order: 'sorted', serial: false, aws: 'Independent.' },
  'close-accounts': {
    order: 'sorted',
    serial: false,
    aws: 'At most 3 CloseAccount in progress (aws-facts.md §1.1), see `LANES`.',
  },
  'disable-services': { order: 'sorted', serial: false, aws: 'Independent.' },
};

/** The planner's order inside a phase; phases the diff functions sequence keep their order. */
export function orderWithinPhase(phase: PhaseName, changes: readonly Change[]): Change[] {
  const byAddress = (a: Change, b: Change): number => a.address.localeCompare(b.address);
  switch (WITHIN_PHASE[phase].order) {
    case 'diff':
      return [...changes];
    case 'deregister-first':
      return [...changes].sort(
        (a, b) => Number(a.action === 'register') - Number(b.action === 'register') || byAddress(a, b),
      );
    case 'sorted':
      return [...changes].sort(byAddress);
  }
}

/** The changes of a phase the applier may start together: one per wave in a serial phase. */
export function wavesOf(phase: PhaseName, changes: readonly Change[]): Change[][] {
  return WITHIN_PHASE[phase].serial ? changes.map((c) => [c]) : [[...changes]];
}

/**
 * Changes with the same key run one after another in plan order even in a concurrent phase: a
 * target's attachments, so the attach that keeps it above AWS's minimum runs before the detach.
 */
export function serialKeyOf(change: Change): string | undefined {
  if (change.kind !== 'policy-attachment') return undefined;
  const t = change.target;
  return t.kind === 'root'
    ? 'root'
    : t.kind === 'ou'
      ? `ou:${t.path}`
      : `account:${t.account.email.toLowerCase()}`;
}
