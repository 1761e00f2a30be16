import {
  type AccountSpec,
  type AssignmentSpec,
  type IgnoreSpec,
  isWellFormed,
  MAX_ACCOUNTS_EVER,
  type OuSpec,
  type ParentRef,
  type PermissionSetSpec,
  setSlot,
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
