import type { SnapshotPermissionSet } from '@orgops/engine';
import type { SandboxPermissionSet } from './state.ts';

type Fields = Pick<
  SandboxPermissionSet,
  | 'arn'
  | 'name'
  | 'description'
  | 'sessionDuration'
  | 'relayState'
  | 'inlinePolicy'
  | 'managedPolicies'
  | 'customerManagedPolicies'
  | 'permissionsBoundary'
  | 'tags'
>;

/**
 * A permission set's own fields, copied (optional ones only when set) between the sandbox's state
 * and a snapshot, both ways: what a twin seeds from a snapshot and what the tests read back out.
 */
export function permissionSetFields(ps: SnapshotPermissionSet | SandboxPermissionSet): Fields {
  return {
    arn: ps.arn,
    name: ps.name,
    ...(ps.description !== undefined ? { description: ps.description } : {}),
    sessionDuration: ps.sessionDuration,
    ...(ps.relayState !== undefined ? { relayState: ps.relayState } : {}),
    ...(ps.inlinePolicy !== undefined ? { inlinePolicy: ps.inlinePolicy } : {}),
    managedPolicies: [...ps.managedPolicies],
    customerManagedPolicies: ps.customerManagedPolicies.map((r) => ({ ...r })),
    ...(ps.permissionsBoundary ? { permissionsBoundary: structuredClone(ps.permissionsBoundary) } : {}),
    tags: { ...ps.tags },
  };
}
