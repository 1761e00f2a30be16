import type { Snapshot } from '@orgops/engine';
import type { DesiredState } from '@orgops/model';
import { CallScheduler } from '../pacing/call-scheduler.ts';
import type { Backend } from '../ports.ts';
import type { AssignmentEnumeration } from './read-assignments.ts';
import { readIdentityCenter } from './read-identity-center.ts';
import { readOrganizationTree } from './read-organization.ts';
import { readPolicies } from './read-policies.ts';
import type { ConfigPrincipal } from './read-principals.ts';
import { readQuotas } from './read-quotas.ts';
import { snapshotOrganization, snapshotRoot } from './snapshot-organization.ts';

export interface ReadOptions {
  /** Principals the config names; resolved to ids so the planner can match them. Unknown names are left out. */
  readonly principals?: readonly ConfigPrincipal[];
  readonly onProgress?: (msg: string) => void;
  /**
   * Port calls in flight at once over all APIs (default: no bound beyond the per-API one). Each
   * AWS throttling bucket has its own queue (see {@link CallScheduler}).
   */
  readonly concurrency?: number;
  /** Assignment enumeration path (default `auto`: the cheaper one). */
  readonly assignments?: AssignmentEnumeration;
  /**
   * Policy types to read even when they are disabled on the root (enabled ones are always read).
   * AWS keeps a type's policies when the type is disabled; pass the types the config names
   * ({@link configPolicyTypes}) so the planner sees them instead of planning to create them again.
   */
  readonly policyTypes?: readonly string[];
}

/**
 * Reads everything the config model can express, with as few calls as the APIs allow. Calls run
 * concurrently with one queue per AWS throttling bucket, so every API works at its own rate while
 * the others run, and the read takes about as long as its busiest API needs (`pnpm bench`).
 */
export async function readSnapshot(backend: Backend, options: ReadOptions = {}): Promise<Snapshot> {
  const calls = new CallScheduler(options.concurrency === undefined ? {} : { total: options.concurrency });
  const progress = options.onProgress ?? (() => {});
  const org = backend.organizations;
  const [organization, roots, trustedServices, delegated, quotas] = await Promise.all([
    calls.run('organizations', 'DescribeOrganization', () => org.describeOrganization()),
    calls.run('organizations', 'ListRoots', () => org.listRoots()),
    calls.run('organizations', 'ListAWSServiceAccessForOrganization', () =>
      org.listAWSServiceAccessForOrganization(),
    ),
    calls.run('organizations', 'ListDelegatedAdministrators', () => org.listDelegatedAdministrators()),
    readQuotas(backend, calls),
  ]);
  const root = roots[0];
  if (!root) throw new Error(`Organization ${organization.id} has no root.`);
  const typesToRead = policyTypesToRead(root, options.policyTypes);

  const [tree, policies, delegatedAdministrators, identityCenter] = await Promise.all([
    readOrganizationTree(org, root.id, calls, progress),
    readPolicies(org, typesToRead, calls),
    readDelegatedAdministrators(org, delegated, calls),
    readIdentityCenter(backend, options.principals ?? [], calls, progress, options.assignments),
  ]);
  progress(`read ${policies.length} policies`);

  return {
    snapshotVersion: 1,
    source: { backend: backend.kind, location: backend.location, readAt: new Date().toISOString() },
    organization: snapshotOrganization(organization),
    root: snapshotRoot(root),
    ous: tree.ous,
    accounts: tree.accounts,
    policies,
    trustedServices: [...trustedServices],
    delegatedAdministrators,
    ...(identityCenter ? { identityCenter } : {}),
    ...(quotas ? { quotas } : {}),
  };
}

/** The policy types to read: the enabled ones, and those the caller names (see `ReadOptions.policyTypes`). */
export function policyTypesToRead(
  root: { readonly policyTypes: readonly { readonly type: string; readonly status: string }[] },
  named: readonly string[] = [],
): string[] {
  const enabled = root.policyTypes.filter((t) => t.status === 'ENABLED').map((t) => t.type);
  return [...new Set([...enabled, ...named])].sort();
}

/** The services each delegated administrator is registered for. */
export async function readDelegatedAdministrators(
  org: Backend['organizations'],
  delegated: readonly { readonly id: string }[],
  calls: CallScheduler,
): Promise<{ accountId: string; servicePrincipal: string }[]> {
  const lists = await Promise.all(
    delegated.map(async (d) =>
      (
        await calls.run('organizations', 'ListDelegatedServicesForAccount', () =>
          org.listDelegatedServicesForAccount(d.id),
        )
      ).map((servicePrincipal) => ({ accountId: d.id, servicePrincipal })),
    ),
  );
  return lists.flat();
}

/** The policy types a config names, enabled or to disable: pass them as `ReadOptions.policyTypes`. */
export function configPolicyTypes(
  desired: Pick<DesiredState, 'policyTypes' | 'policies' | 'disable'>,
): string[] {
  return [
    ...new Set([
      ...desired.policyTypes,
      ...desired.disable.policyTypes,
      ...desired.policies.map((p) => p.type),
    ]),
  ].sort();
}

/** What a config needs read: its principals and policy types (see {@link ReadOptions}). */
export function configReadOptions(
  desired: Pick<DesiredState, 'assignments' | 'policyTypes' | 'policies' | 'disable'>,
): Pick<ReadOptions, 'principals' | 'policyTypes'> {
  return { principals: configPrincipals(desired), policyTypes: configPolicyTypes(desired) };
}

/** The principals a config's assignment rules name: pass them as `ReadOptions.principals`. */
export function configPrincipals(desired: Pick<DesiredState, 'assignments'>): ConfigPrincipal[] {
  const seen = new Map<string, ConfigPrincipal>();
  for (const a of desired.assignments)
    seen.set(`${a.principal.type}:${a.principal.name}`, { type: a.principal.type, name: a.principal.name });
  return [...seen.values()];
}
