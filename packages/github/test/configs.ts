import {
  account,
  assign,
  FullAWSAccess,
  group,
  type OrganizationConfig,
  organizationalUnit,
  organizationRoot,
} from '@orgops/model';
import { managementIn, readOnlyPermissionSet, testOrganization } from '@orgops/model/testing';

export interface OrgShape {
  /** Extra top-level OUs, by name. */
  readonly ous?: readonly string[];
  /** Tags of the Workloads OU. */
  readonly workloadsTags?: Readonly<Record<string, string>>;
  /** Member accounts in Workloads: name -> email. */
  readonly accounts?: Readonly<Record<string, string>>;
  /** The group assigned ReadOnly on Workloads. */
  readonly readers?: string;
}

/** A small organization on the sandbox seed, varied per test. */
export function orgConfig(shape: OrgShape = {}): OrganizationConfig {
  const root = organizationRoot({ policies: [FullAWSAccess] });
  const workloads = organizationalUnit('Workloads', { parent: root, tags: shape.workloadsTags ?? {} });
  const extra = (shape.ous ?? []).map((name) => organizationalUnit(name, { parent: root }));
  const accounts = Object.entries(shape.accounts ?? {}).map(([name, email]) =>
    account({ name, email, parent: workloads }),
  );
  const readOnly = readOnlyPermissionSet();
  return testOrganization({
    root,
    organizationalUnits: [workloads, ...extra],
    accounts: [managementIn(root), ...accounts],
    permissionSets: shape.readers ? [readOnly] : [],
    assignments: shape.readers ? [assign(group(shape.readers), readOnly, [workloads])] : [],
  });
}
