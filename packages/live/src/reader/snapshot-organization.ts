import type { Snapshot } from '@orgops/engine';
import type { OrganizationInfo, RootInfo } from '../ports.ts';

/** The organization as a snapshot records it; a full read and a drift re-read both use this. */
export function snapshotOrganization(organization: OrganizationInfo): Snapshot['organization'] {
  return {
    id: organization.id,
    ...(organization.arn ? { arn: organization.arn } : {}),
    managementAccountId: organization.managementAccountId,
    ...(organization.managementAccountEmail
      ? { managementAccountEmail: organization.managementAccountEmail }
      : {}),
    featureSet: organization.featureSet,
  };
}

/** The root and the policy types enabled on it, as a snapshot records them. */
export function snapshotRoot(root: RootInfo): Snapshot['root'] {
  return { id: root.id, policyTypes: root.policyTypes.map((t) => ({ type: t.type, status: t.status })) };
}
