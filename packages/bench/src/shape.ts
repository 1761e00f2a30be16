/** The size of a benchmark organization. */
export interface OrgShape {
  /** Accounts, the management account included. */
  readonly accounts: number;
  /** OUs: a tenth at the top level, the rest nested one level below them. */
  readonly ous: number;
  /** Customer-managed SCPs (FullAWSAccess comes on top). */
  readonly policies: number;
  readonly permissionSets: number;
  /** Identity-store groups; each is assigned one permission set in a run of accounts. */
  readonly groups: number;
  /** Accounts each group is assigned in. */
  readonly accountsPerGroup: number;
  /** Identity-store users; the first `assignedUsers` are assigned directly (what the linter warns about). */
  readonly users: number;
  readonly assignedUsers: number;
  readonly accountsPerUser: number;
}

/** Assignments the shape holds: groups × accounts each, plus the direct user grants. */
export function assignmentCount(shape: OrgShape): number {
  return shape.groups * shape.accountsPerGroup + shape.assignedUsers * shape.accountsPerUser;
}

/** The organizations `pnpm bench` measures (issue 8), and the small one CI runs. */
export const SHAPES = {
  /** 1,000 accounts / 100 OUs / 100 policies / 50 permission sets / 20,000 assignments. */
  large: {
    accounts: 1_000,
    ous: 100,
    policies: 100,
    permissionSets: 50,
    groups: 190,
    accountsPerGroup: 100,
    users: 500,
    assignedUsers: 50,
    accountsPerUser: 20,
  },
  /** 5,000 accounts / 100,000 assignments, the rest as above. */
  huge: {
    accounts: 5_000,
    ous: 100,
    policies: 100,
    permissionSets: 50,
    groups: 190,
    accountsPerGroup: 500,
    users: 500,
    assignedUsers: 50,
    accountsPerUser: 100,
  },
  /** What `.ci/run` runs: the same code paths in seconds; its call counts are pinned in a test. */
  small: {
    accounts: 60,
    ous: 10,
    policies: 8,
    permissionSets: 5,
    groups: 12,
    accountsPerGroup: 10,
    users: 20,
    assignedUsers: 4,
    accountsPerUser: 5,
  },
} as const satisfies Record<string, OrgShape>;

export type ShapeName = keyof typeof SHAPES;
