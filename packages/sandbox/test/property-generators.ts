import fc from 'fast-check';
import { SEED_GROUPS } from '../src/index.ts';
import type { Mutation } from './property-mutations.ts';
import {
  ACCOUNT_SLOTS,
  type AssignmentSpec,
  type IgnoreSpec,
  MANAGED_POLICIES,
  OU_NAMES,
  OU_SLOTS,
  type ParentRef,
  type PermissionSetSpec,
  PS_NAMES,
  SCP_ACTIONS,
  SCP_NAMES,
  SCP_SLOTS,
  SESSIONS,
  TAG_KEYS,
  TAG_VALUES,
  type Tags,
} from './property-world.ts';

// The generators of config edits: which mutations the property draws, and how often.

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
