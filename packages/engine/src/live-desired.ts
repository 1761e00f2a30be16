import {
  accountTarget,
  canonicalJson,
  type DesiredAccount,
  type DesiredAssignment,
  type DesiredAttachment,
  type DesiredOu,
  type DesiredPermissionSet,
  type DesiredPolicy,
  type DesiredState,
  FullAWSAccess,
  joinOuPath,
  RCP_FULL_AWS_ACCESS,
} from '@orgops/model';
import { isLiveAccount } from './planner/live-index.ts';
import type { Snapshot } from './snapshot.ts';

/** AWS attaches RCPFullAWSAccess itself and evaluators treat it as implicit. */
const RCP_FULL_ACCESS_ID = RCP_FULL_AWS_ACCESS.id;

/**
 * The live organization read as a desired state: what AWS holds, in the shape the config takes, so
 * questions asked of the config (`orgops explain`, `orgops can`) can be asked of the organization
 * as it is. Every account keeps its id; assignments become one rule per principal and permission
 * set, targeting the accounts that hold it. OUs or accounts not reachable from the root and
 * closed or suspended accounts are left out (nothing can sign in there), and so is
 * RCPFullAWSAccess (implicit everywhere). Pure.
 *
 * @example
 * const chain = createSimulator(desiredFromSnapshot(await readSnapshot(backend))).chain('payments-prod');
 */
export function desiredFromSnapshot(snapshot: Snapshot): DesiredState {
  const rootId = snapshot.root.id;
  const pathById = new Map<string, string>([[rootId, '/']]);
  const ous: DesiredOu[] = [];
  // Parents first: breadth first from the root.
  const queue = [rootId];
  while (queue.length > 0) {
    const parentId = queue.shift()!;
    const parentPath = pathById.get(parentId)!;
    for (const ou of snapshot.ous.filter((o) => o.parentId === parentId)) {
      if (pathById.has(ou.id)) continue;
      const path = joinOuPath(parentPath, ou.name);
      pathById.set(ou.id, path);
      ous.push({ path, name: ou.name, parentPath, tags: ou.tags });
      queue.push(ou.id);
    }
  }

  const accounts: DesiredAccount[] = [];
  const emailById = new Map<string, string>();
  for (const a of snapshot.accounts) {
    const parentPath = pathById.get(a.parentId);
    if (parentPath === undefined || !isLiveAccount(a)) continue;
    const email = a.email.toLowerCase();
    emailById.set(a.id, email);
    accounts.push({
      email,
      name: a.name,
      id: a.id,
      parentPath,
      tags: a.tags,
      management: a.id === snapshot.organization.managementAccountId,
    });
  }

  const targetOf = (id: string): string | undefined => {
    const path = pathById.get(id);
    if (path !== undefined) return path;
    const email = emailById.get(id);
    return email === undefined ? undefined : accountTarget(email);
  };
  const policies: DesiredPolicy[] = [];
  const attachments: DesiredAttachment[] = [];
  for (const p of snapshot.policies) {
    if (p.id === RCP_FULL_ACCESS_ID) continue;
    const content =
      p.content ||
      (p.name === FullAWSAccess.name && p.awsManaged ? canonicalJson(FullAWSAccess.content) : '');
    policies.push({
      type: p.type,
      name: p.name,
      description: p.description,
      content,
      tags: p.tags,
      ...(p.awsManaged ? { awsManaged: { id: p.id } } : {}),
    });
    for (const id of p.targets) {
      const target = targetOf(id);
      if (target !== undefined)
        attachments.push({ policyType: p.type, policyName: p.name, target, fromDefault: false });
    }
  }

  const ic = snapshot.identityCenter;
  const permissionSets: DesiredPermissionSet[] = (ic?.permissionSets ?? []).map((ps) => ({
    name: ps.name,
    ...(ps.description !== undefined ? { description: ps.description } : {}),
    sessionDuration: ps.sessionDuration,
    ...(ps.relayState !== undefined ? { relayState: ps.relayState } : {}),
    ...(ps.inlinePolicy ? { inlinePolicy: ps.inlinePolicy } : {}),
    managedPolicies: [...ps.managedPolicies].sort(),
    customerManagedPolicies: ps.customerManagedPolicies.map((c) => ({ name: c.name, path: c.path })),
    ...(ps.permissionsBoundary ? { permissionsBoundary: ps.permissionsBoundary } : {}),
    tags: ps.tags,
  }));
  const rules = new Map<string, DesiredAssignment & { targets: { kind: 'account'; email: string }[] }>();
  for (const a of ic?.assignments ?? []) {
    const ps = ic?.permissionSets.find((p) => p.arn === a.permissionSetArn);
    const email = emailById.get(a.accountId);
    if (!ps || email === undefined) continue;
    const name =
      ic?.principals.find((p) => p.type === a.principalType && p.id === a.principalId)?.name ?? a.principalId;
    const key = `${a.principalType}\u0000${name}\u0000${ps.name}`;
    let rule = rules.get(key);
    if (!rule) {
      rule = { principal: { type: a.principalType, name }, permissionSet: ps.name, targets: [], exclude: [] };
      rules.set(key, rule);
    }
    rule.targets.push({ kind: 'account', email });
  }

  return {
    policyTypes: snapshot.root.policyTypes.filter((t) => t.status === 'ENABLED').map((t) => t.type),
    ous,
    accounts,
    policies,
    attachments,
    permissionSets,
    assignments: [...rules.values()],
    trustedServices: snapshot.trustedServices.map((principal) => {
      const admin = snapshot.delegatedAdministrators.find((d) => d.servicePrincipal === principal);
      const email = admin ? emailById.get(admin.accountId) : undefined;
      return { principal, ...(email ? { delegatedAdministrator: email } : {}) };
    }),
    ignore: {},
    disable: { trustedServices: [], policyTypes: [] },
  };
}
