import {
  type Account,
  type AssignmentTarget,
  account,
  accountsTagged,
  assign,
  defineOrganization,
  FullAWSAccess,
  group,
  type IgnoreRules,
  managementAccount,
  type OrganizationalUnit,
  type OrganizationConfig,
  type OrganizationPolicy,
  organizationalUnit,
  organizationRoot,
  type PermissionSet,
  permissionSet,
  policy,
  type Root,
  SCP,
  serviceControlPolicy,
  trustedService,
} from '@orgops/model';
import { SEED_GROUPS } from '../src/index.ts';
import { CT_OU, CT_PERMISSION_SET, VENDOR_EMAIL } from './property-console.ts';
import { MANAGED_POLICIES, PS_NAMES, SCP_ACTIONS, SESSIONS, type World } from './property-world.ts';

export const TAG_POLICY = 'TAG_POLICY';
export const MANAGEMENT_EMAIL = 'aws-management@example.com';

/** Ids learnt from the organization, for config that names accounts by id. */
export interface KnownIds {
  /** Config email (lower case) -> account id. */
  readonly accounts: ReadonlyMap<string, string>;
  readonly vendor?: string;
}

const deny = (name: string, action: string): OrganizationPolicy =>
  serviceControlPolicy({
    name,
    content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: '*' }] },
  });

/** The config a world stands for. */
export function buildConfig(world: World, known: KnownIds): OrganizationConfig {
  const scp = world.scpEnabled;
  const pool = world.scps.map((p) => (p ? deny(p.name, SCP_ACTIONS[p.variant]!) : null));
  const renamed = new Map<OrganizationPolicy, string>();
  world.scps.forEach((p, i) => {
    if (p?.renamedFrom && pool[i]) renamed.set(pool[i]!, p.renamedFrom);
  });
  const withRename = (p: OrganizationPolicy): OrganizationPolicy =>
    renamed.has(p) ? { ...p, renamedFrom: renamed.get(p) } : p;
  const scpPool = pool.map((p) => (p ? withRename(p) : null));
  const pick = (mask: number): OrganizationPolicy[] =>
    scpPool.filter((p, i): p is OrganizationPolicy => p !== null && (mask & (1 << i)) !== 0);
  const tagPolicy = policy(TAG_POLICY, {
    name: 'cost-center',
    content: {
      tags: { CostCenter: { tag_key: { '@@assign': world.tagPolicyVariant ? 'costcenter' : 'CostCenter' } } },
    },
  });
  const bulk = Array.from({ length: 9 }, (_, i) => deny(`bulk-${i}`, `bulk${i}:*`));

  /** SCPs on a target: its own list, FullAWSAccess kept or not; none at all leaves the default. */
  const scpsOf = (
    mask: number,
    fullAccess: boolean,
    extra: readonly OrganizationPolicy[] = [],
  ): OrganizationPolicy[] => {
    if (!scp) return [];
    const own = [...pick(mask), ...extra];
    return own.length > 0 && fullAccess ? [FullAWSAccess, ...own] : own;
  };

  const root: Root = organizationRoot({ policies: scpsOf(world.rootScps, world.rootFullAccess) });
  const ous: (OrganizationalUnit | null)[] = [];
  for (const spec of world.ous) {
    if (!spec) {
      ous.push(null);
      continue;
    }
    const parent = spec.parent === 'root' ? root : (ous[spec.parent] ?? root);
    const policies = [
      ...scpsOf(spec.scps, spec.fullAccess, scp ? bulk.slice(0, spec.bulk) : []),
      ...(world.tagPolicyEnabled && spec.tagPolicy ? [tagPolicy] : []),
    ];
    ous.push(
      organizationalUnit(spec.name, { parent, tags: spec.tags, policies, renamedFrom: spec.renamedFrom }),
    );
  }
  const parentOf = (ref: number | 'root'): Root | OrganizationalUnit =>
    ref === 'root' ? root : (ous[ref] ?? root);

  const management = managementAccount({ name: 'management', email: MANAGEMENT_EMAIL, parent: root });
  const accounts: (Account | null)[] = world.accounts.map((spec) => {
    if (!spec) return null;
    const id = spec.byId ? known.accounts.get(spec.email) : undefined;
    return account({
      name: spec.name,
      email: spec.email,
      ...(id ? { id } : {}),
      parent: parentOf(spec.parent),
      tags: spec.tags,
      policies: scpsOf(spec.scps, spec.fullAccess),
      ...(spec.close ? { close: { reason: 'retired by the property test' } } : {}),
    });
  });

  const sets: (PermissionSet | null)[] = world.permissionSets.map((spec, i) =>
    spec
      ? permissionSet({
          name: PS_NAMES[i]!,
          sessionDuration: SESSIONS[spec.session]!,
          managedPolicies: MANAGED_POLICIES.filter((_, bit) => spec.managed & (1 << bit)),
          ...(spec.description !== undefined ? { description: spec.description } : {}),
          ...(spec.relayState !== undefined ? { relayState: spec.relayState } : {}),
          ...(spec.inline
            ? {
                inlinePolicy: {
                  Version: '2012-10-17',
                  Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }],
                },
              }
            : {}),
        })
      : null,
  );

  const assignments = world.assignments.flatMap((a) => {
    const ps = sets[a.ps];
    if (!ps) return [];
    let target: AssignmentTarget | undefined;
    if (a.target.kind === 'root') target = root;
    else if (a.target.kind === 'ou') target = ous[a.target.slot] ?? undefined;
    else if (a.target.kind === 'account') target = accounts[a.target.slot] ?? undefined;
    else target = accountsTagged(a.target.key, a.target.value);
    return target ? [assign(group(SEED_GROUPS[a.group]!), ps, [target])] : [];
  });

  const admin =
    world.delegatedAdmin === 'management'
      ? management
      : world.delegatedAdmin === 'none'
        ? undefined
        : (accounts[world.delegatedAdmin] ?? undefined);

  const policyTypes = [...(scp ? [SCP] : []), ...(world.tagPolicyEnabled ? [TAG_POLICY] : [])];
  const declared = [
    ...(scp ? scpPool.filter((p): p is OrganizationPolicy => p !== null) : []),
    ...(world.tagPolicyEnabled ? [tagPolicy] : []),
  ];
  return defineOrganization({
    policyTypes,
    root,
    organizationalUnits: ous.filter((o): o is OrganizationalUnit => o !== null),
    accounts: [management, ...accounts.filter((a): a is Account => a !== null)],
    policies: declared,
    defaultPolicies: scp ? { [SCP]: [FullAWSAccess] } : {},
    permissionSets: sets.filter((p): p is PermissionSet => p !== null),
    assignments,
    trustedServices: [
      trustedService('sso.amazonaws.com'),
      ...(admin ? [trustedService('guardduty.amazonaws.com', { delegatedAdministrator: admin })] : []),
    ],
    ignore: ignoreRules(world, known),
    disable: { policyTypes: [...(scp ? [] : [SCP]), ...(world.tagPolicyEnabled ? [] : [TAG_POLICY])] },
  });
}

function ignoreRules(world: World, known: KnownIds): IgnoreRules {
  const i = world.ignore;
  const accounts =
    i.accounts === 'lower'
      ? [VENDOR_EMAIL.toLowerCase()]
      : i.accounts === 'as-live'
        ? [VENDOR_EMAIL]
        : i.accounts === 'glob'
          ? [`${VENDOR_EMAIL.split('@')[0]}@*`]
          : i.accounts === 'id' && known.vendor
            ? [known.vendor]
            : [];
  return {
    ...(i.ous === 'none' ? {} : { organizationalUnits: [i.ous === 'exact' ? `/${CT_OU}` : `/${CT_OU}*`] }),
    ...(accounts.length ? { accounts } : {}),
    ...(i.policies === 'none'
      ? {}
      : { policies: i.policies === 'guardrails' ? ['aws-guardrails-*'] : ['aws-guardrails-*', '*AWS*'] }),
    ...(i.permissionSets
      ? { permissionSets: [`${CT_PERMISSION_SET.slice(0, 'AWSControlTower'.length)}*`] }
      : {}),
  };
}
