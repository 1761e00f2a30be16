import type { Account } from './account.ts';
import type { AssignmentTarget } from './assignment.ts';
import { canonicalJson } from './canonical-json.ts';
import {
  accountTarget,
  type DesiredAccount,
  type DesiredAssignment,
  type DesiredAssignmentTarget,
  type DesiredAttachment,
  type DesiredOu,
  type DesiredPermissionSet,
  type DesiredPolicy,
  type DesiredState,
  type TargetKey,
} from './desired-state.ts';
import type { OrganizationConfig } from './organization.ts';
import { type OrganizationalUnit, type Parent, pathOf } from './organization-unit.ts';
import { normalizeSessionDuration, type PermissionSet } from './permission-set.ts';
import { minifiedContent, type OrganizationPolicy } from './policy.ts';

/** Config objects reachable from the organization, collected once for normalization and rules. */
export interface CollectedConfig {
  readonly ous: readonly OrganizationalUnit[];
  readonly accounts: readonly Account[];
  readonly policies: readonly OrganizationPolicy[];
  readonly permissionSets: readonly PermissionSet[];
}

/** Walks every reference (parents, attachments, assignments) so nothing referenced is missed. */
export function collect(config: OrganizationConfig): CollectedConfig {
  const ous = new Set<OrganizationalUnit>();
  const addOu = (node: Parent): void => {
    if (node.kind === 'ou' && !ous.has(node)) {
      addOu(node.parent);
      ous.add(node);
    }
  };
  for (const ou of config.organizationalUnits) addOu(ou);
  for (const acct of config.accounts) addOu(acct.parent);

  const policies = new Set<OrganizationPolicy>();
  const addPolicies = (list: readonly OrganizationPolicy[] | undefined): void => {
    for (const p of list ?? []) policies.add(p);
  };
  addPolicies(config.root.policies);
  for (const ou of ous) addPolicies(ou.policies);
  for (const acct of config.accounts) addPolicies(acct.policies);
  addPolicies(config.policies);
  for (const list of Object.values(config.defaultPolicies ?? {})) addPolicies(list);

  const permissionSets = new Set<PermissionSet>(config.permissionSets ?? []);
  for (const a of config.assignments ?? []) permissionSets.add(a.permissionSet);

  return {
    ous: [...ous],
    accounts: config.accounts,
    policies: [...policies],
    permissionSets: [...permissionSets],
  };
}

/** Config -> plain desired state. Pure and total: problems are the rules' job, not this function's. */
export function normalize(
  config: OrganizationConfig,
  collected: CollectedConfig = collect(config),
): DesiredState {
  const ous: DesiredOu[] = collected.ous.map((ou) => ({
    path: pathOf(ou),
    name: ou.name,
    parentPath: pathOf(ou.parent),
    tags: { ...ou.tags },
    renamedFrom: ou.renamedFrom,
    site: ou.site,
  }));

  const accounts: DesiredAccount[] = collected.accounts.map((a) => ({
    email: a.email.toLowerCase(),
    name: a.name,
    id: a.id,
    parentPath: pathOf(a.parent),
    tags: { ...a.tags },
    management: a.management === true,
    close: a.close,
    ...(a.quarantine ? { quarantine: { ...a.quarantine } } : {}),
    ...(a.release ? { release: { ...a.release } } : {}),
    site: a.site,
  }));

  // Policy identity is type+name; the same object attached in several places is one policy.
  const policies = new Map<string, DesiredPolicy>();
  for (const p of collected.policies) {
    const key = `${p.type}/${p.name}`;
    if (policies.has(key)) continue;
    policies.set(key, {
      type: p.type,
      name: p.name,
      description: p.description ?? '',
      content: minifiedContent(p.content),
      tags: { ...p.tags },
      awsManaged: p.awsManaged,
      renamedFrom: p.renamedFrom,
      site: p.site,
    });
  }

  const attachments: DesiredAttachment[] = [];
  const attach = (target: TargetKey, own: readonly OrganizationPolicy[]): void => {
    const seen = new Set<string>();
    for (const p of own) {
      const key = `${p.type}/${p.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      attachments.push({ policyType: p.type, policyName: p.name, target, fromDefault: false, site: p.site });
    }
    for (const [type, defaults] of Object.entries(config.defaultPolicies ?? {})) {
      if (own.some((p) => p.type === type)) continue;
      for (const p of defaults) {
        const key = `${p.type}/${p.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        attachments.push({ policyType: p.type, policyName: p.name, target, fromDefault: true, site: p.site });
      }
    }
  };
  attach('/', config.root.policies);
  for (const ou of collected.ous) attach(pathOf(ou), ou.policies);
  // SCPs do not apply to the management account; orgops still keeps its attachments in shape.
  for (const a of collected.accounts) attach(accountTarget(a.email), a.policies);

  const permissionSets: DesiredPermissionSet[] = dedupeBy(collected.permissionSets, (ps) => ps.name).map(
    normalizePermissionSet,
  );

  const assignments: DesiredAssignment[] = (config.assignments ?? []).map((a) => ({
    principal: { type: a.principal.type, name: a.principal.name },
    permissionSet: a.permissionSet.name,
    targets: a.targets.map(normalizeTarget),
    exclude: (a.exclude ?? []).map((x) => x.email.toLowerCase()),
    site: a.site,
  }));

  return {
    policyTypes: [...new Set(config.policyTypes)].sort(),
    ous,
    accounts,
    policies: [...policies.values()],
    attachments,
    permissionSets,
    assignments,
    trustedServices: (config.trustedServices ?? []).map((s) => ({
      principal: s.principal,
      delegatedAdministrator: s.delegatedAdministrator?.email.toLowerCase(),
      site: s.site,
    })),
    ignore: config.ignore ?? {},
    disable: {
      trustedServices: [...(config.disable?.trustedServices ?? [])],
      policyTypes: [...(config.disable?.policyTypes ?? [])],
    },
    ...(config.quarantine
      ? {
          quarantine: {
            path: pathOf(config.quarantine.organizationalUnit),
            guardrails: config.quarantine.guardrails.map((p) => ({ type: p.type, name: p.name })),
            site: config.quarantine.site,
          },
        }
      : {}),
  };
}

function normalizeTarget(t: AssignmentTarget): DesiredAssignmentTarget {
  switch (t.kind) {
    case 'account':
      return { kind: 'account', email: t.email.toLowerCase() };
    case 'tag':
      return { kind: 'tag', key: t.key, value: t.value };
    default:
      return { kind: 'ou', path: pathOf(t) };
  }
}

export function normalizePermissionSet(ps: PermissionSet): DesiredPermissionSet {
  const cmp = (ps.customerManagedPolicies ?? [])
    .map((r) => ({ name: r.name, path: r.path ?? '/' }))
    .sort((a, b) => `${a.path}${a.name}`.localeCompare(`${b.path}${b.name}`));
  const boundary = ps.permissionsBoundary;
  return {
    name: ps.name,
    description: ps.description || undefined,
    sessionDuration: normalizeSessionDuration(ps.sessionDuration),
    relayState: ps.relayState || undefined,
    inlinePolicy: ps.inlinePolicy ? canonicalJson(ps.inlinePolicy) : undefined,
    managedPolicies: [...new Set(ps.managedPolicies ?? [])].sort(),
    customerManagedPolicies: cmp,
    permissionsBoundary: boundary
      ? 'managedPolicyArn' in boundary
        ? { managedPolicyArn: boundary.managedPolicyArn }
        : {
            customerManagedPolicy: {
              name: boundary.customerManagedPolicy.name,
              path: boundary.customerManagedPolicy.path ?? '/',
            },
          }
      : undefined,
    tags: { ...ps.tags },
    site: ps.site,
  };
}

function dedupeBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
