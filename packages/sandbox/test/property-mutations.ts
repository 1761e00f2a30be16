import fc from 'fast-check';
import { SEED_GROUPS } from '../src/index.ts';
import {
  ACCOUNT_SLOTS,
  type AccountSpec,
  type AssignmentSpec,
  type IgnoreSpec,
  isWellFormed,
  MANAGED_POLICIES,
  MAX_ACCOUNTS_EVER,
  OU_NAMES,
  OU_SLOTS,
  type OuSpec,
  type ParentRef,
  type PermissionSetSpec,
  PS_NAMES,
  SCP_ACTIONS,
  SCP_NAMES,
  SCP_SLOTS,
  SESSIONS,
  setSlot,
  TAG_KEYS,
  TAG_VALUES,
  type Tags,
  type World,
} from './property-world.ts';

/**
 * One edit of the config between two plans. Each is data (so fast-check shrinks a failing run to
 * the few edits that matter) and applies only when the result stays well formed; otherwise it is
 * a no-op.
 */
export type Mutation =
  | {
      readonly k: 'add-ou';
      readonly slot: number;
      readonly name: string;
      readonly parent: ParentRef;
      readonly tags: Tags;
    }
  | { readonly k: 'remove-ou'; readonly slot: number }
  | { readonly k: 'rename-ou'; readonly slot: number; readonly name: string; readonly renamedFrom: boolean }
  /** Rename an OU (renamedFrom) and give its old name to another OU under the same parent, which takes an account. */
  | {
      readonly k: 'rename-reuse-ou';
      readonly slot: number;
      readonly name: string;
      readonly other: number;
      readonly account: number;
    }
  /** Rename an OU and its first child together, both with renamedFrom. */
  | {
      readonly k: 'rename-parent-child';
      readonly slot: number;
      readonly name: string;
      readonly childName: string;
    }
  | { readonly k: 'move-ou'; readonly slot: number; readonly parent: ParentRef }
  | {
      readonly k: 'ou-policies';
      readonly slot: number;
      readonly scps: number;
      readonly fullAccess: boolean;
      readonly tagPolicy: boolean;
    }
  | { readonly k: 'ou-bulk'; readonly slot: number; readonly bulk: number }
  | { readonly k: 'ou-tags'; readonly slot: number; readonly tags: Tags }
  | { readonly k: 'add-account'; readonly slot: number; readonly parent: ParentRef; readonly tags: Tags }
  | { readonly k: 'move-account'; readonly slot: number; readonly parent: ParentRef }
  | { readonly k: 'tag-account'; readonly slot: number; readonly tags: Tags }
  | {
      readonly k: 'account-policies';
      readonly slot: number;
      readonly scps: number;
      readonly fullAccess: boolean;
    }
  /** Mark for closure, optionally moving and retagging in the same change. */
  | { readonly k: 'close-account'; readonly slot: number; readonly parent?: ParentRef; readonly tags?: Tags }
  | { readonly k: 'forget-closed-account'; readonly slot: number }
  | { readonly k: 'account-by-id'; readonly slot: number; readonly byId: boolean }
  | { readonly k: 'add-scp'; readonly slot: number; readonly name: string; readonly variant: number }
  | { readonly k: 'remove-scp'; readonly slot: number }
  | { readonly k: 'scp-content'; readonly slot: number; readonly variant: number }
  /** Rename an SCP (renamedFrom); with `reuse`, another slot takes the old name with other content. */
  | {
      readonly k: 'rename-scp';
      readonly slot: number;
      readonly name: string;
      readonly reuse: number | null;
      readonly variant: number;
    }
  | { readonly k: 'root-policies'; readonly scps: number; readonly fullAccess: boolean }
  | { readonly k: 'scp-type'; readonly enabled: boolean }
  | { readonly k: 'tag-policy-type'; readonly enabled: boolean; readonly variant: number }
  | { readonly k: 'permission-set'; readonly slot: number; readonly spec: PermissionSetSpec | null }
  | { readonly k: 'add-assignment'; readonly spec: AssignmentSpec }
  | { readonly k: 'remove-assignment'; readonly index: number }
  | { readonly k: 'ignore'; readonly ignore: IgnoreSpec }
  | { readonly k: 'delegated-admin'; readonly to: number | 'management' | 'none' };

const ouSlot = fc.nat(OU_SLOTS - 1);
const accountSlot = fc.nat(ACCOUNT_SLOTS - 1);
const scpSlot = fc.nat(SCP_SLOTS - 1);
const parentRef: fc.Arbitrary<ParentRef> = fc.oneof(fc.constant<'root'>('root'), ouSlot);
const ouName = fc.constantFrom(...OU_NAMES);
const tags: fc.Arbitrary<Tags> = fc
  .subarray([...TAG_KEYS])
  .chain((keys) =>
    fc
      .tuple(...keys.map(() => fc.constantFrom(...TAG_VALUES)))
      .map((vs) => Object.fromEntries(keys.map((k, i) => [k, vs[i]!]))),
  );
const scpMask = fc.nat((1 << SCP_SLOTS) - 1);
const variant = fc.nat(SCP_ACTIONS.length - 1);

export const permissionSetSpec: fc.Arbitrary<PermissionSetSpec> = fc.record(
  {
    session: fc.nat(SESSIONS.length - 1),
    managed: fc.nat((1 << MANAGED_POLICIES.length) - 1),
    description: fc.constantFrom('Read', 'Operate'),
    relayState: fc.constant('https://console.aws.amazon.com/'),
    inline: fc.boolean(),
  },
  { requiredKeys: ['session', 'managed', 'inline'] },
);

const assignmentTarget = fc.oneof(
  fc.constant({ kind: 'root' as const }),
  ouSlot.map((slot) => ({ kind: 'ou' as const, slot })),
  accountSlot.map((slot) => ({ kind: 'account' as const, slot })),
  fc.record(
    {
      kind: fc.constant('tag' as const),
      key: fc.constantFrom(...TAG_KEYS),
      value: fc.constantFrom(...TAG_VALUES),
    },
    { requiredKeys: ['kind', 'key'] },
  ),
);

export const assignmentSpec: fc.Arbitrary<AssignmentSpec> = fc.record({
  group: fc.nat(SEED_GROUPS.length - 1),
  ps: fc.nat(PS_NAMES.length - 1),
  target: assignmentTarget,
});

/** Rare: once '*AWS*' is in config, every plan is refused until it goes again. */
const policiesIgnore = (plain: readonly ('none' | 'guardrails')[]) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...plain) },
    { weight: 1, arbitrary: fc.constant('guardrails-and-aws' as const) },
  );

/** Any ignore rules, covering what the foreign setup creates or not. */
export const anyIgnore: fc.Arbitrary<IgnoreSpec> = fc.record({
  ous: fc.constantFrom('none', 'exact', 'prefix'),
  accounts: fc.constantFrom('none', 'lower', 'as-live', 'glob', 'id'),
  policies: policiesIgnore(['none', 'guardrails']),
  permissionSets: fc.boolean(),
});

/** Ignore rules that cover everything the foreign setup creates, in their different spellings. */
export const coveringIgnore: fc.Arbitrary<IgnoreSpec> = fc.record({
  ous: fc.constantFrom('exact', 'prefix'),
  accounts: fc.constantFrom('lower', 'as-live', 'glob'),
  policies: policiesIgnore(['guardrails']),
  permissionSets: fc.constant(true),
});

const ignoreSpec = fc.oneof({ weight: 3, arbitrary: coveringIgnore }, { weight: 1, arbitrary: anyIgnore });

/** Edits that build an organization up: the first step's config is these applied to an empty world. */
export const growth: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('add-ou' as const),
      slot: ouSlot,
      name: ouName,
      parent: parentRef,
      tags,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('add-account' as const),
      slot: accountSlot,
      parent: parentRef,
      tags,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('add-scp' as const),
      slot: scpSlot,
      name: fc.constantFrom(...SCP_NAMES),
      variant,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('ou-policies' as const),
      slot: ouSlot,
      scps: scpMask,
      fullAccess: fc.boolean(),
      tagPolicy: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('account-policies' as const),
      slot: accountSlot,
      scps: scpMask,
      fullAccess: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('root-policies' as const),
      scps: scpMask,
      fullAccess: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('permission-set' as const),
      slot: fc.nat(PS_NAMES.length - 1),
      spec: permissionSetSpec,
    }),
  },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('add-assignment' as const), spec: assignmentSpec }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('tag-policy-type' as const),
      enabled: fc.boolean(),
      variant: fc.nat(1),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('ignore' as const), ignore: ignoreSpec }) },
);

/** Edits between two plans: everything `growth` does, plus renames, moves, closures, removals and toggles. */
export const change: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: growth },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('remove-ou' as const), slot: ouSlot }) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('rename-ou' as const),
      slot: ouSlot,
      name: ouName,
      renamedFrom: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('rename-reuse-ou' as const),
      slot: ouSlot,
      name: ouName,
      other: ouSlot,
      account: accountSlot,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('rename-parent-child' as const),
      slot: ouSlot,
      name: ouName,
      childName: ouName,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('move-ou' as const), slot: ouSlot, parent: parentRef }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('ou-bulk' as const),
      slot: ouSlot,
      bulk: fc.constantFrom(0, 7, 8, 9),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('ou-tags' as const), slot: ouSlot, tags }) },
  {
    weight: 3,
    arbitrary: fc.record({ k: fc.constant('move-account' as const), slot: accountSlot, parent: parentRef }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('tag-account' as const), slot: accountSlot, tags }) },
  {
    weight: 3,
    arbitrary: fc.record(
      { k: fc.constant('close-account' as const), slot: accountSlot, parent: parentRef, tags },
      { requiredKeys: ['k', 'slot'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('forget-closed-account' as const), slot: accountSlot }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('account-by-id' as const), slot: accountSlot, byId: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('remove-scp' as const), slot: scpSlot }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('scp-content' as const), slot: scpSlot, variant }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('rename-scp' as const),
      slot: scpSlot,
      name: fc.constantFrom(...SCP_NAMES),
      reuse: fc.option(scpSlot, { nil: null }),
      variant,
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('scp-type' as const), enabled: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('permission-set' as const),
      slot: fc.nat(PS_NAMES.length - 1),
      spec: fc.option(permissionSetSpec, { nil: null }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('remove-assignment' as const), index: fc.nat(8) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('delegated-admin' as const),
      to: fc.oneof(accountSlot, fc.constantFrom<'management' | 'none'>('management', 'none')),
    }),
  },
);

/** The world after `m`, or the same world when `m` does not apply to it. */
export function applyMutation(world: World, m: Mutation): World {
  const next = mutate(world, m);
  return next && isWellFormed(next) ? next : world;
}

function mutate(w: World, m: Mutation): World | undefined {
  switch (m.k) {
    case 'add-ou': {
      if (w.ous[m.slot]) return undefined;
      const ou: OuSpec = {
        name: m.name,
        parent: m.parent,
        tags: m.tags,
        scps: 0,
        fullAccess: true,
        bulk: 0,
        tagPolicy: false,
      };
      return { ...w, ous: setSlot(w.ous, m.slot, ou) };
    }
    case 'remove-ou': {
      const gone = w.ous[m.slot];
      if (!gone) return undefined;
      // Children and accounts move up to the removed OU's parent, as a person editing config would.
      const up = (ref: ParentRef): ParentRef => (ref === m.slot ? gone.parent : ref);
      return {
        ...w,
        ous: setSlot(w.ous, m.slot, null).map((o) => (o ? { ...o, parent: up(o.parent) } : o)),
        accounts: w.accounts.map((a) => (a ? { ...a, parent: up(a.parent) } : a)),
        assignments: w.assignments.filter((a) => !(a.target.kind === 'ou' && a.target.slot === m.slot)),
      };
    }
    case 'rename-ou': {
      const ou = w.ous[m.slot];
      if (!ou || ou.name === m.name) return undefined;
      return {
        ...w,
        ous: setSlot(w.ous, m.slot, {
          ...ou,
          name: m.name,
          renamedFrom: m.renamedFrom ? ou.name : undefined,
        }),
      };
    }
    case 'rename-reuse-ou': {
      const ou = w.ous[m.slot];
      if (!ou || ou.name === m.name || m.other === m.slot || w.ous[m.other]) return undefined;
      let ous = setSlot(w.ous, m.slot, { ...ou, name: m.name, renamedFrom: ou.name });
      ous = setSlot(ous, m.other, {
        name: ou.name,
        parent: ou.parent,
        tags: {},
        scps: 0,
        fullAccess: true,
        bulk: 0,
        tagPolicy: false,
      });
      // Preferably an account that was in the renamed OU: it must now follow the old name.
      const inside = w.accounts.flatMap((a, i) => (a && !a.close && a.parent === m.slot ? [i] : []));
      const pick = inside.length > 0 ? inside[m.account % inside.length]! : m.account;
      const acct = w.accounts[pick];
      const accounts =
        acct && !acct.close ? setSlot(w.accounts, pick, { ...acct, parent: m.other }) : w.accounts;
      return { ...w, ous, accounts };
    }
    case 'rename-parent-child': {
      const ou = w.ous[m.slot];
      const child = w.ous.findIndex((o) => o?.parent === m.slot);
      const c = child >= 0 ? w.ous[child] : null;
      if (!ou || !c || ou.name === m.name || c.name === m.childName) return undefined;
      let ous = setSlot(w.ous, m.slot, { ...ou, name: m.name, renamedFrom: ou.name });
      ous = setSlot(ous, child, { ...c, name: m.childName, renamedFrom: c.name });
      return { ...w, ous };
    }
    case 'move-ou': {
      const ou = w.ous[m.slot];
      if (!ou) return undefined;
      return { ...w, ous: setSlot(w.ous, m.slot, { ...ou, parent: m.parent, renamedFrom: undefined }) };
    }
    case 'ou-policies': {
      const ou = w.ous[m.slot];
      if (!ou) return undefined;
      return {
        ...w,
        ous: setSlot(w.ous, m.slot, {
          ...ou,
          scps: m.scps,
          fullAccess: m.fullAccess,
          tagPolicy: m.tagPolicy,
        }),
      };
    }
    case 'ou-bulk': {
      const ou = w.ous[m.slot];
      if (!ou) return undefined;
      return { ...w, ous: setSlot(w.ous, m.slot, { ...ou, bulk: m.bulk }) };
    }
    case 'ou-tags': {
      const ou = w.ous[m.slot];
      if (!ou) return undefined;
      return { ...w, ous: setSlot(w.ous, m.slot, { ...ou, tags: m.tags }) };
    }
    case 'add-account': {
      if (w.accounts[m.slot] || w.accountsEver >= MAX_ACCOUNTS_EVER) return undefined;
      const n = w.accountsEver + 1;
      const spec: AccountSpec = {
        email: `acct-${n}@example.com`,
        name: `acct-${n}`,
        parent: m.parent,
        tags: m.tags,
        scps: 0,
        fullAccess: true,
        close: false,
        byId: false,
      };
      return { ...w, accounts: setSlot(w.accounts, m.slot, spec), accountsEver: n };
    }
    case 'move-account':
      return editAccount(w, m.slot, (a) => ({ ...a, parent: m.parent }));
    case 'tag-account':
      return editAccount(w, m.slot, (a) => ({ ...a, tags: m.tags }));
    case 'account-policies':
      return editAccount(w, m.slot, (a) => ({ ...a, scps: m.scps, fullAccess: m.fullAccess }));
    case 'close-account':
      return editAccount(w, m.slot, (a) =>
        a.close ? undefined : { ...a, close: true, parent: m.parent ?? a.parent, tags: m.tags ?? a.tags },
      );
    case 'forget-closed-account': {
      const a = w.accounts[m.slot];
      if (!a?.close) return undefined;
      return {
        ...w,
        accounts: setSlot(w.accounts, m.slot, null),
        assignments: w.assignments.filter((x) => !(x.target.kind === 'account' && x.target.slot === m.slot)),
        delegatedAdmin: w.delegatedAdmin === m.slot ? 'none' : w.delegatedAdmin,
      };
    }
    case 'account-by-id': {
      const a = w.accounts[m.slot];
      if (!a || a.byId === m.byId) return undefined;
      return { ...w, accounts: setSlot(w.accounts, m.slot, { ...a, byId: m.byId }) };
    }
    case 'add-scp':
      if (w.scps[m.slot]) return undefined;
      return { ...w, scps: setSlot(w.scps, m.slot, { name: m.name, variant: m.variant }) };
    case 'remove-scp':
      if (!w.scps[m.slot]) return undefined;
      return { ...w, scps: setSlot(w.scps, m.slot, null) };
    case 'scp-content': {
      const p = w.scps[m.slot];
      if (!p || p.variant === m.variant) return undefined;
      return { ...w, scps: setSlot(w.scps, m.slot, { ...p, variant: m.variant, renamedFrom: undefined }) };
    }
    case 'rename-scp': {
      const p = w.scps[m.slot];
      if (!p || p.name === m.name) return undefined;
      let scps = setSlot(w.scps, m.slot, { ...p, name: m.name, renamedFrom: p.name });
      if (m.reuse !== null) {
        if (m.reuse === m.slot || w.scps[m.reuse]) return undefined;
        scps = setSlot(scps, m.reuse, { name: p.name, variant: m.variant });
      }
      return { ...w, scps };
    }
    case 'root-policies':
      return { ...w, rootScps: m.scps, rootFullAccess: m.fullAccess };
    case 'scp-type':
      return w.scpEnabled === m.enabled ? undefined : { ...w, scpEnabled: m.enabled };
    case 'tag-policy-type':
      return { ...w, tagPolicyEnabled: m.enabled, tagPolicyVariant: m.variant };
    case 'permission-set':
      return { ...w, permissionSets: setSlot(w.permissionSets, m.slot, m.spec) };
    case 'add-assignment':
      return w.assignments.length >= 8 ? undefined : { ...w, assignments: [...w.assignments, m.spec] };
    case 'remove-assignment':
      if (m.index >= w.assignments.length) return undefined;
      return { ...w, assignments: w.assignments.filter((_, i) => i !== m.index) };
    case 'ignore':
      return { ...w, ignore: m.ignore };
    case 'delegated-admin':
      return { ...w, delegatedAdmin: m.to };
  }
}

function editAccount(
  w: World,
  slot: number,
  edit: (a: AccountSpec) => AccountSpec | undefined,
): World | undefined {
  const a = w.accounts[slot];
  if (!a) return undefined;
  const next = edit(a);
  return next ? { ...w, accounts: setSlot(w.accounts, slot, next) } : undefined;
}
