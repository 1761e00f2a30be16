import type { Snapshot } from '@orgops/engine';
import type { DesiredState } from '@orgops/model';
import { Limiter } from '../concurrency.ts';
import type { Backend } from '../ports.ts';
import {
  type AssignmentEnumeration,
  type ConfigPrincipal,
  readIdentityCenter,
} from './read-identity-center.ts';
import { readOrganizationTree } from './read-organization.ts';
import { readPolicies } from './read-policies.ts';
import { readQuotas } from './read-quotas.ts';

export interface ReadOptions {
  /** Principals the config names; resolved to ids so the planner can match them. Unknown names are left out. */
  readonly principals?: readonly ConfigPrincipal[];
  readonly onProgress?: (msg: string) => void;
  /** Port calls in flight at once (default 8). */
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
 * Reads everything the config model can express, with as few calls as the APIs allow and
 * independent calls running concurrently (bounded by `concurrency`).
 */
export async function readSnapshot(backend: Backend, options: ReadOptions = {}): Promise<Snapshot> {
  const run = new Limiter(options.concurrency ?? 8);
  const progress = options.onProgress ?? (() => {});
  const org = backend.organizations;
  const [organization, roots, trustedServices, delegated, quotas] = await Promise.all([
    run.run(() => org.describeOrganization()),
    run.run(() => org.listRoots()),
    run.run(() => org.listAWSServiceAccessForOrganization()),
    run.run(() => org.listDelegatedAdministrators()),
    readQuotas(backend, run),
  ]);
  const root = roots[0];
  if (!root) throw new Error(`Organization ${organization.id} has no root.`);
  const enabledTypes = root.policyTypes.filter((t) => t.status === 'ENABLED').map((t) => t.type);
  const typesToRead = [...new Set([...enabledTypes, ...(options.policyTypes ?? [])])].sort();

  const [tree, policies, delegatedAdministrators, identityCenter] = await Promise.all([
    readOrganizationTree(org, root.id, run, progress),
    readPolicies(org, typesToRead, run),
    Promise.all(
      delegated.map(async (d) =>
        (await run.run(() => org.listDelegatedServicesForAccount(d.id))).map((servicePrincipal) => ({
          accountId: d.id,
          servicePrincipal,
        })),
      ),
    ).then((lists) => lists.flat()),
    readIdentityCenter(backend, options.principals ?? [], run, progress, options.assignments),
  ]);
  progress(`read ${policies.length} policies`);

  return {
    snapshotVersion: 1,
    source: { backend: backend.kind, location: backend.location, readAt: new Date().toISOString() },
    organization: {
      id: organization.id,
      ...(organization.arn ? { arn: organization.arn } : {}),
      managementAccountId: organization.managementAccountId,
      ...(organization.managementAccountEmail
        ? { managementAccountEmail: organization.managementAccountEmail }
        : {}),
      featureSet: organization.featureSet,
    },
    root: { id: root.id, policyTypes: root.policyTypes.map((t) => ({ type: t.type, status: t.status })) },
    ous: tree.ous,
    accounts: tree.accounts,
    policies,
    trustedServices: [...trustedServices],
    delegatedAdministrators,
    ...(identityCenter ? { identityCenter } : {}),
    ...(quotas ? { quotas } : {}),
  };
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
