import {
  FullAWSAccess,
  joinOuPath,
  matchesAny,
  policyTypeLabel,
  RCP_FULL_AWS_ACCESS,
  SCP,
} from '@orgops/model';
import { isLiveAccount } from '../planner/live-index.ts';
import type { Snapshot, SnapshotAccount, SnapshotOu, SnapshotPolicy } from '../snapshot.ts';
import { CONTROL_TOWER_IGNORE } from './control-tower.ts';
import type { Namer } from './identifiers.ts';

/** An OU to emit, with its identifier and its own attachment list (identifiers of policies). */
export interface ImportedOu {
  readonly ou: SnapshotOu;
  readonly path: string;
  readonly ident: string;
  /** Identifier of the parent: `root` or an OU's. */
  readonly parentIdent: string;
  policies: string[];
}

export interface ImportedAccount {
  readonly account: SnapshotAccount;
  readonly ident: string;
  readonly parentIdent: string;
  readonly management: boolean;
  policies: string[];
}

export interface ImportedPolicy {
  readonly policy: SnapshotPolicy;
  readonly ident: string;
  /** Referenced by its AWS id rather than written (AWS-managed policies other than FullAWSAccess). */
  readonly awsManaged: boolean;
  attached: boolean;
}

/** The organization part of the import: structure, policies and where they are attached. */
export interface ImportedOrganization {
  readonly policyTypes: readonly string[];
  readonly rootPolicies: readonly string[];
  /** Parents before children. */
  readonly ous: readonly ImportedOu[];
  /** The management account first. */
  readonly accounts: readonly ImportedAccount[];
  readonly policies: readonly ImportedPolicy[];
  /** Whether `defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] }` is emitted. */
  readonly fullAccessDefault: boolean;
  readonly ignoredPolicyPatterns: readonly string[];
  /** OU ids (and the root id) -> identifier, and account ids -> identifier, for assignment targets. */
  readonly identById: ReadonlyMap<string, string>;
}

export const FULL_AWS_ACCESS_ID = FullAWSAccess.awsManaged!.id;
/** AWS attaches RCPFullAWSAccess itself and refuses to detach it; config never mentions it. */
const RCP_FULL_AWS_ACCESS_ID = RCP_FULL_AWS_ACCESS.id;
const FULL_ACCESS_REF = 'FullAWSAccess';

/** The OU tree, accounts and policies of a snapshot, as the entries the generated files declare. */
export function importOrganization(snapshot: Snapshot, namer: Namer, notes: string[]): ImportedOrganization {
  const rootId = snapshot.root.id;
  const policyTypes = snapshot.root.policyTypes
    .filter((t) => t.status !== 'PENDING_DISABLE')
    .map((t) => t.type)
    .sort();
  const identById = new Map<string, string>([[rootId, 'root']]);

  // OUs, breadth first from the root so parents are declared before their children.
  const children = groupBy(snapshot.ous, (ou) => ou.parentId);
  const ous: ImportedOu[] = [];
  const pathById = new Map<string, string>([[rootId, '/']]);
  const queue = [rootId];
  while (queue.length) {
    const parentId = queue.shift()!;
    const parentPath = pathById.get(parentId)!;
    for (const ou of sortBy(children.get(parentId) ?? [], (o) => o.name)) {
      const path = joinOuPath(parentPath, ou.name);
      pathById.set(ou.id, path);
      const ident = namer.claim('ou', [ou.name, path, `${ou.name} ou`]);
      identById.set(ou.id, ident);
      ous.push({ ou, path, ident, parentIdent: identById.get(parentId)!, policies: [] });
      queue.push(ou.id);
    }
  }
  for (const ou of snapshot.ous) {
    if (!pathById.has(ou.id))
      notes.push(
        `OU ${ou.name} (${ou.id}) is not reachable from the root (parent ${ou.parentId}); left out.`,
      );
  }

  const managementId = snapshot.organization.managementAccountId;
  const accounts: ImportedAccount[] = [];
  const ordered = sortBy(snapshot.accounts, (a) => `${a.id === managementId ? 0 : 1}/${a.name}/${a.id}`);
  for (const account of ordered) {
    const parentIdent = identById.get(account.parentId);
    if (!isLiveAccount(account)) {
      notes.push(
        `Account ${account.name} (${account.id}) is ${account.state}; left out of accounts.ts (orgops neither changes nor requires it).`,
      );
      continue;
    }
    if (parentIdent === undefined) {
      notes.push(
        `Account ${account.name} (${account.id}) has an unknown parent ${account.parentId}; left out.`,
      );
      continue;
    }
    const ident = namer.claim('account', [
      account.name,
      `${account.name} account`,
      account.email.split('@')[0] ?? '',
    ]);
    identById.set(account.id, ident);
    accounts.push({ account, ident, parentIdent, management: account.id === managementId, policies: [] });
  }

  // Policies and their attachments to the emitted targets.
  const enabled = new Set(policyTypes);
  const ownLists = new Map<string, string[]>([[rootId, []]]);
  for (const o of ous) ownLists.set(o.ou.id, o.policies);
  for (const a of accounts) ownLists.set(a.account.id, a.policies);
  const ignoredPolicyPatterns = new Set<string>();
  const policies: ImportedPolicy[] = [];
  const sorted = sortBy(snapshot.policies, (p) => `${typeRank(p.type)}/${p.name}`);
  for (const p of sorted) {
    const label = `${policyTypeLabel(p.type)} ${p.name} (${p.id})`;
    const ctPattern = CONTROL_TOWER_IGNORE.policies.find((pattern) => matchesAny(p.name, [pattern]));
    if (ctPattern) {
      ignoredPolicyPatterns.add(ctPattern);
      notes.push(
        `Control Tower ${label} is owned by Control Tower: listed under ignore.policies, not emitted.`,
      );
      continue;
    }
    if (p.id === RCP_FULL_AWS_ACCESS_ID) continue;
    if (!enabled.has(p.type)) {
      notes.push(
        `${label} is left out: ${p.type} is not enabled on the root, and orgops leaves policies of disabled types alone.`,
      );
      continue;
    }
    const isFullAccess = p.id === FULL_AWS_ACCESS_ID;
    let entry: ImportedPolicy | undefined;
    if (!isFullAccess) {
      if (p.awsManaged) notes.push(`${label} is AWS-managed: emitted as a reference by id, never written.`);
      entry = {
        policy: p,
        ident: namer.claim('policy', [p.name, `${p.name} ${typeSuffix(p.type)}`]),
        awsManaged: p.awsManaged,
        attached: false,
      };
      policies.push(entry);
    }
    for (const target of p.targets) {
      const list = ownLists.get(target);
      if (!list) continue;
      list.push(isFullAccess ? FULL_ACCESS_REF : entry!.ident);
      if (entry) entry.attached = true;
    }
  }

  // FullAWSAccess everywhere becomes the SCP default; a target then lists SCPs only when it has others.
  const scpIdents = new Set([
    FULL_ACCESS_REF,
    ...policies.filter((p) => p.policy.type === SCP).map((p) => p.ident),
  ]);
  const fullAccessDefault =
    enabled.has(SCP) && [...ownLists.values()].every((l) => l.includes(FULL_ACCESS_REF));
  for (const [id, list] of ownLists) {
    const full = list.indexOf(FULL_ACCESS_REF);
    if (full > 0) list.unshift(...list.splice(full, 1));
    const scps = list.filter((ident) => scpIdents.has(ident));
    if (fullAccessDefault && scps.length === 1) list.splice(list.indexOf(FULL_ACCESS_REF), 1);
    if (enabled.has(SCP) && scps.length === 0) {
      const ident = identById.get(id);
      notes.push(
        `${ident === 'root' ? 'The root' : ident} has no SCP besides ignored ones; validation will ask for one.`,
      );
    }
  }

  return {
    policyTypes,
    rootPolicies: ownLists.get(rootId)!,
    ous,
    accounts,
    policies,
    fullAccessDefault,
    ignoredPolicyPatterns: [...ignoredPolicyPatterns],
    identById,
  };
}

/** SCPs first, then RCPs, then the other types alphabetically. */
export function typeRank(type: string): string {
  return type === SCP ? `0${type}` : type === 'RESOURCE_CONTROL_POLICY' ? `1${type}` : `2${type}`;
}

function typeSuffix(type: string): string {
  return type === SCP
    ? 'scp'
    : type === 'RESOURCE_CONTROL_POLICY'
      ? 'rcp'
      : type.toLowerCase().replace(/_/g, ' ');
}

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

export function sortBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
