import type { Snapshot } from '@orgops/engine';
import type { SandboxState } from '../src/index.ts';
import { permissionSetFields } from '../src/permission-set-fields.ts';

/**
 * The sandbox's whole state as a snapshot, straight from its data rather than through the reader:
 * every policy of every type (enabled or not), every assignment, every identity-store principal.
 * The oracle judges this, so a blind spot of the reader cannot hide a difference either.
 */
export function truthSnapshot(state: SandboxState): Snapshot {
  const ic = state.identityCenter;
  return {
    snapshotVersion: 1,
    source: { backend: 'sandbox', location: 'truth', readAt: new Date(0).toISOString() },
    organization: {
      id: state.organization.id,
      managementAccountId: state.organization.managementAccountId,
      featureSet: state.organization.featureSet,
    },
    root: {
      id: state.root.id,
      policyTypes: state.root.enabledPolicyTypes.map((type) => ({ type, status: 'ENABLED' as const })),
    },
    ous: state.ous.map((o) => ({ id: o.id, name: o.name, parentId: o.parentId, tags: { ...o.tags } })),
    accounts: state.accounts.map((a) => ({
      id: a.id,
      name: a.name,
      email: a.email,
      state: a.state,
      parentId: a.parentId,
      tags: { ...a.tags },
    })),
    policies: state.policies.map((p) => ({
      id: p.id,
      type: p.type,
      name: p.name,
      description: p.description,
      content: p.content,
      awsManaged: p.awsManaged,
      tags: { ...p.tags },
      targets: [...p.targets],
    })),
    trustedServices: [...state.trustedServices],
    delegatedAdministrators: state.delegatedAdministrators.map((d) => ({ ...d })),
    ...(ic
      ? {
          identityCenter: {
            instanceArn: ic.instanceArn,
            identityStoreId: ic.identityStoreId,
            permissionSets: ic.permissionSets.map((ps) => ({
              ...permissionSetFields(ps),
              provisionedTo: Object.keys(ps.provisioned),
              outdatedIn: Object.entries(ps.provisioned)
                .filter(([, version]) => version !== ps.version)
                .map(([accountId]) => accountId),
            })),
            assignments: ic.assignments.map((a) => ({ ...a })),
            principals: [
              ...ic.groups.map((g) => ({ type: 'GROUP' as const, id: g.id, name: g.name })),
              ...ic.users.map((u) => ({ type: 'USER' as const, id: u.id, name: u.name })),
            ],
          },
        }
      : {}),
  };
}
