import type { PermissionSet } from '@orgops/model';
import { blockPermissionSet } from './build.ts';
import { AWS_MANAGED_POLICIES } from './managed-policies.ts';
import type { PermissionSetBlockOptions } from './options.ts';

export interface ReadOnlyOptions extends PermissionSetBlockOptions {
  /**
   * Also read data (S3 objects, DynamoDB items, queue messages…) with `ReadOnlyAccess`. Defaults
   * to `false`: `ViewOnlyAccess` lists and describes resources without reading their contents.
   */
  readonly includeData?: boolean;
}

/**
 * Look, don't touch. By default `job-function/ViewOnlyAccess`: resource metadata only, because
 * "read-only" that can download every object in every bucket is a data-exfiltration role.
 *
 * @example
 * const viewer = readOnly();                    // ReadOnly, metadata only
 * const analyst = readOnly({ name: 'DataReader', includeData: true });
 */
export function readOnly(options: ReadOnlyOptions = {}): PermissionSet {
  const data = options.includeData === true;
  return blockPermissionSet(
    {
      name: 'ReadOnly',
      description: data
        ? 'Read-only access to resources and their data'
        : 'View resources and their configuration, not their data',
      sessionDuration: 'PT4H',
      managedPolicies: [data ? AWS_MANAGED_POLICIES.ReadOnlyAccess : AWS_MANAGED_POLICIES.ViewOnlyAccess],
    },
    options,
  );
}
