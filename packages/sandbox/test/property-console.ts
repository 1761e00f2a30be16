import { type AsyncStatus, isServiceError } from '@orgops/live';
import fc from 'fast-check';
import { type SandboxBackend, SEED_GROUPS } from '../src/index.ts';
import { ACCOUNT_SLOTS, PS_NAMES, TAG_VALUES, type Tags, type World } from './property-world.ts';

/** What another team (Control Tower, a vendor) owns in the organization before orgops arrives. */
export const CT_OU = 'Control Tower';
/** Mixed case on purpose: AWS keeps the case it was given, config patterns are often lower case. */
export const VENDOR_EMAIL = 'Vendor@Example.com';
export const CT_PERMISSION_SET = 'AWSControlTowerAdmin';
export const GUARDRAIL_PREFIX = 'aws-guardrails-';

export interface Foreign {
  readonly ctOu: boolean;
  /** The vendor account: absent, at the root, or inside the Control Tower OU. */
  readonly vendor: 'none' | 'root' | 'ct';
  /** Control Tower guardrail SCPs, attached to the root at first. */
  readonly guardrails: number;
  /** A Control Tower permission set, assigned in the vendor account when there is one. */
  readonly ctPermissionSet: boolean;
  /** Whether the organization has an IAM Identity Center instance at all. */
  readonly identityCenter: boolean;
}

export const foreign: fc.Arbitrary<Foreign> = fc.record({
  ctOu: fc.boolean(),
  vendor: fc.constantFrom('none', 'root', 'ct'),
  guardrails: fc.nat(2),
  ctPermissionSet: fc.boolean(),
  identityCenter: fc.oneof(
    { weight: 9, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
});

/**
 * An edit made by hand between two plans, through the sandbox's ports (as in the console), or on
 * its state where AWS has no Organizations API (an account's root email; deleting an identity-store
 * group). Live objects are picked by index, so every edit means something whatever exists.
 */
export type ConsoleEdit =
  | { readonly k: 'move-account'; readonly slot: number; readonly to: number }
  | { readonly k: 'move-into-ignored'; readonly slot: number }
  | { readonly k: 'email'; readonly slot: number; readonly variant: 'case' | 'other' }
  | {
      readonly k: 'policy-type';
      readonly type: 'SERVICE_CONTROL_POLICY' | 'TAG_POLICY';
      readonly enabled: boolean;
    }
  | { readonly k: 'create-ou'; readonly parent: number; readonly name: string; readonly slot: number | null }
  | { readonly k: 'rename-ou'; readonly ou: number; readonly name: string }
  | { readonly k: 'detach'; readonly policy: number; readonly target: number }
  /** `busiest`: the OU with the most SCPs, where a guardrail is most likely to crowd out config's. */
  | { readonly k: 'attach-guardrail'; readonly guardrail: number; readonly target: number | 'busiest' }
  | { readonly k: 'delete-group'; readonly group: number }
  | { readonly k: 'tag-account'; readonly slot: number; readonly tags: Tags }
  | { readonly k: 'update-permission-set'; readonly ps: number }
  | { readonly k: 'assign-in-vendor'; readonly ps: number; readonly group: number };

const slot = fc.nat(ACCOUNT_SLOTS - 1);
const index = fc.nat(12);

export const consoleEdit: fc.Arbitrary<ConsoleEdit> = fc.oneof(
  fc.record({ k: fc.constant('move-account' as const), slot, to: index }),
  fc.record({ k: fc.constant('move-into-ignored' as const), slot }),
  fc.record({
    k: fc.constant('email' as const),
    slot,
    variant: fc.constantFrom('case' as const, 'other' as const),
  }),
  fc.record({
    k: fc.constant('policy-type' as const),
    type: fc.constantFrom('SERVICE_CONTROL_POLICY' as const, 'TAG_POLICY' as const),
    enabled: fc.boolean(),
  }),
  fc.record({
    k: fc.constant('create-ou' as const),
    parent: index,
    // A "/" inside a name (`mirror`: a nested OU's path as one top-level name), case variants of
    // config names, and a config name in the wrong place.
    name: fc.constantFrom('mirror', 'Prod/EU', 'prod', 'PROD', 'Dev', 'Legacy', 'EU'),
    slot: fc.option(slot, { nil: null }),
  }),
  fc.record({
    k: fc.constant('rename-ou' as const),
    ou: index,
    name: fc.constantFrom('Prod/EU', 'prod', 'Legacy', 'Dev'),
  }),
  fc.record({ k: fc.constant('detach' as const), policy: index, target: index }),
  fc.record({
    k: fc.constant('attach-guardrail' as const),
    guardrail: fc.nat(1),
    target: fc.oneof(index, fc.constant('busiest' as const)),
  }),
  fc.record({ k: fc.constant('delete-group' as const), group: fc.nat(SEED_GROUPS.length - 1) }),
  fc.record({
    k: fc.constant('tag-account' as const),
    slot,
    tags: fc.record({ env: fc.constantFrom(...TAG_VALUES) }, { requiredKeys: [] }).map((t) => t as Tags),
  }),
  fc.record({ k: fc.constant('update-permission-set' as const), ps: fc.nat(PS_NAMES.length) }),
  fc.record({
    k: fc.constant('assign-in-vendor' as const),
    ps: fc.nat(PS_NAMES.length - 1),
    group: fc.nat(SEED_GROUPS.length - 1),
  }),
);

const INSTANCE_OF = (sb: SandboxBackend) => sb.exportState().identityCenter!.instanceArn;

async function settle(poll: () => Promise<AsyncStatus>, first: AsyncStatus): Promise<void> {
  let status = first;
  for (let i = 0; status.status === 'IN_PROGRESS' && i < 20; i++) status = await poll();
}

async function createAccount(sb: SandboxBackend, name: string, email: string): Promise<string> {
  const org = sb.organizations;
  let status = await org.createAccount({ name, email, tags: {} });
  while (status.state === 'IN_PROGRESS') status = await org.describeCreateAccountStatus(status.requestId);
  if (!status.accountId) throw new Error(`setup: ${name} not created: ${status.failureReason}`);
  return status.accountId;
}

/** Creates what another team owns, through the ports; returns the vendor account id. */
export async function setUpForeign(sb: SandboxBackend, f: Foreign): Promise<string | undefined> {
  const org = sb.organizations;
  const rootId = sb.exportState().root.id;
  if (!f.identityCenter) {
    const { identityCenter: _, ...rest } = sb.exportState();
    sb.importState(rest);
  }
  const ct =
    f.ctOu || f.vendor === 'ct' ? (await org.createOrganizationalUnit(rootId, CT_OU, {})).id : undefined;
  let vendor: string | undefined;
  if (f.vendor !== 'none') {
    vendor = await createAccount(sb, 'vendor', VENDOR_EMAIL);
    if (f.vendor === 'ct' && ct) await org.moveAccount(vendor, rootId, ct);
  }
  for (let i = 0; i < f.guardrails; i++) {
    const p = await org.createPolicy({
      type: 'SERVICE_CONTROL_POLICY',
      name: `${GUARDRAIL_PREFIX}${i}`,
      description: 'Control Tower guardrail',
      content: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: `guardrail${i}:*`, Resource: '*' }],
      }),
      tags: {},
    });
    await org.attachPolicy(p.id, rootId);
  }
  if (f.ctPermissionSet && f.identityCenter) {
    const instance = INSTANCE_OF(sb);
    const { arn } = await sb.ssoAdmin.createPermissionSet(instance, {
      name: CT_PERMISSION_SET,
      sessionDuration: 'PT1H',
      tags: {},
    });
    if (vendor) {
      const groupId = sb.exportState().identityCenter!.groups[0]!.id;
      const a = {
        accountId: vendor,
        permissionSetArn: arn,
        principalType: 'GROUP' as const,
        principalId: groupId,
      };
      const started = await sb.ssoAdmin.createAccountAssignment(instance, a);
      await settle(
        () => sb.ssoAdmin.describeAccountAssignmentCreationStatus(instance, started.requestId),
        started,
      );
    }
  }
  return vendor;
}

export interface ConsoleContext {
  readonly world: World;
  /** Config email -> account id, as last seen. */
  readonly ids: ReadonlyMap<string, string>;
  readonly vendor?: string;
}

/**
 * Makes the edit; returns what was done, or why nothing was (AWS refused it, or what it names does
 * not exist). Only AWS's own refusals are swallowed: anything else is a bug in the test.
 */
export async function applyConsoleEdit(
  sb: SandboxBackend,
  edit: ConsoleEdit,
  ctx: ConsoleContext,
): Promise<string> {
  try {
    return await perform(sb, edit, ctx);
  } catch (err) {
    if (isServiceError(err)) return `refused by AWS: ${err.code}`;
    throw err;
  }
}

async function perform(sb: SandboxBackend, edit: ConsoleEdit, ctx: ConsoleContext): Promise<string> {
  const org = sb.organizations;
  const state = sb.exportState();
  const rootId = state.root.id;
  const parents = [rootId, ...state.ous.map((o) => o.id).sort()];
  const accountOf = (slot: number) => {
    const spec = ctx.world.accounts[slot];
    if (!spec) return undefined;
    const id = ctx.ids.get(spec.email);
    return state.accounts.find((a) => a.id === id || a.email.toLowerCase() === spec.email);
  };
  switch (edit.k) {
    case 'move-account':
    case 'move-into-ignored': {
      const acct = accountOf(edit.slot);
      const to =
        edit.k === 'move-account'
          ? parents[edit.to % parents.length]!
          : state.ous.find((o) => o.name === CT_OU)?.id;
      if (!acct || !to || acct.state !== 'ACTIVE' || acct.parentId === to) return 'nothing to move';
      await org.moveAccount(acct.id, acct.parentId, to);
      return `moved ${acct.email} to ${to}`;
    }
    case 'email': {
      const acct = accountOf(edit.slot);
      if (!acct) return 'no account';
      const email = edit.variant === 'case' ? acct.email.toUpperCase() : `attacker-${edit.slot}@evil.example`;
      // No Organizations API changes a root email; the account's owner does it in its own settings.
      state.accounts = state.accounts.map((a) => (a.id === acct.id ? { ...a, email } : a));
      sb.importState(state);
      return `email of ${acct.id} is now ${email}`;
    }
    case 'policy-type': {
      const enabled = state.root.enabledPolicyTypes.includes(edit.type);
      if (enabled === edit.enabled) return 'already so';
      if (edit.enabled) await org.enablePolicyType(rootId, edit.type);
      else await org.disablePolicyType(rootId, edit.type);
      return `${edit.type} ${edit.enabled ? 'enabled' : 'disabled'}`;
    }
    case 'create-ou': {
      const nested = state.ous.find((o) =>
        state.ous.some((p) => p.id === o.parentId && p.parentId === rootId),
      );
      const outer = nested && state.ous.find((p) => p.id === nested.parentId);
      const mirror = edit.name === 'mirror';
      const name = mirror ? (nested && outer ? `${outer.name}/${nested.name}` : 'Prod/EU') : edit.name;
      const parent = mirror ? rootId : parents[edit.parent % parents.length]!;
      const ou = await org.createOrganizationalUnit(parent, name, {});
      const acct = edit.slot === null ? undefined : accountOf(edit.slot);
      if (acct && acct.state === 'ACTIVE') await org.moveAccount(acct.id, acct.parentId, ou.id);
      return `created OU "${name}" under ${parent}${acct ? ` holding ${acct.email}` : ''}`;
    }
    case 'rename-ou': {
      const ous = state.ous.filter((o) => o.name !== CT_OU);
      const ou = ous[edit.ou % Math.max(1, ous.length)];
      if (!ou) return 'no OU';
      await org.updateOrganizationalUnit(ou.id, edit.name);
      return `renamed OU ${ou.name} to "${edit.name}"`;
    }
    case 'detach': {
      const attached = state.policies.flatMap((p) => p.targets.map((t) => ({ p, t })));
      const pick = attached[(edit.policy * 7 + edit.target) % Math.max(1, attached.length)];
      if (!pick) return 'nothing attached';
      await org.detachPolicy(pick.p.id, pick.t);
      return `detached ${pick.p.name} from ${pick.t}`;
    }
    case 'attach-guardrail': {
      const p = state.policies.find((x) => x.name === `${GUARDRAIL_PREFIX}${edit.guardrail}`);
      const targets = [...parents, ...state.accounts.map((a) => a.id)];
      const scps = (id: string) =>
        state.policies.filter((x) => x.type === p?.type && x.targets.includes(id)).length;
      const busiest = [...state.ous].sort((a, b) => scps(b.id) - scps(a.id))[0]?.id ?? rootId;
      const target = edit.target === 'busiest' ? busiest : targets[edit.target % targets.length]!;
      if (!p) return 'no guardrail';
      await org.attachPolicy(p.id, target);
      return `attached ${p.name} to ${target}`;
    }
    case 'delete-group': {
      const ic = state.identityCenter;
      if (!ic) return 'no instance';
      const name = SEED_GROUPS[edit.group]!;
      if (!ic.groups.some((g) => g.name === name)) return 'already deleted';
      // The identity source deletes the group; IAM Identity Center keeps its account assignments.
      ic.groups = ic.groups.filter((g) => g.name !== name);
      sb.importState(state);
      return `deleted group ${name}`;
    }
    case 'tag-account': {
      const acct = accountOf(edit.slot);
      if (!acct) return 'no account';
      if (Object.keys(edit.tags).length === 0) {
        const keys = Object.keys(acct.tags);
        if (keys.length === 0) return 'no tags';
        await org.untagResource(acct.id, keys);
        return `untagged ${acct.email}`;
      }
      await org.tagResource(acct.id, edit.tags);
      return `tagged ${acct.email}`;
    }
    case 'update-permission-set': {
      const ic = state.identityCenter;
      if (!ic) return 'no instance';
      const ps = ic.permissionSets[edit.ps % Math.max(1, ic.permissionSets.length)];
      if (!ps) return 'no permission set';
      await sb.ssoAdmin.updatePermissionSet(ic.instanceArn, {
        arn: ps.arn,
        ...(ps.description !== undefined ? { description: ps.description } : {}),
        ...(ps.relayState !== undefined ? { relayState: ps.relayState } : {}),
        sessionDuration: ps.sessionDuration === 'PT2H' ? 'PT3H' : 'PT2H',
      });
      return `changed ${ps.name}'s session duration`;
    }
    case 'assign-in-vendor': {
      const ic = state.identityCenter;
      if (!ic) return 'no instance';
      const ps = ic.permissionSets.find((p) => p.name === PS_NAMES[edit.ps]);
      const g = ic.groups.find((x) => x.name === SEED_GROUPS[edit.group]);
      if (!ctx.vendor || !ps || !g) return 'nothing to assign';
      const a = {
        accountId: ctx.vendor,
        permissionSetArn: ps.arn,
        principalType: 'GROUP' as const,
        principalId: g.id,
      };
      const started = await sb.ssoAdmin.createAccountAssignment(ic.instanceArn, a);
      await settle(
        () => sb.ssoAdmin.describeAccountAssignmentCreationStatus(ic.instanceArn, started.requestId),
        started,
      );
      return `assigned ${ps.name} to ${g.name} in the vendor account`;
    }
  }
}
