import {
  FULL_AWS_ACCESS_ID,
  type SandboxAccount,
  type SandboxAssignment,
  type SandboxOu,
  type SandboxPermissionSet,
  type SandboxPolicy,
  type SandboxState,
  seedState,
} from '@orgops/sandbox';
import type { OrgShape } from './shape.ts';

const ACTIONS = [
  's3:DeleteBucket',
  'ec2:TerminateInstances',
  'iam:CreateUser',
  'kms:ScheduleKeyDeletion',
  'cloudtrail:StopLogging',
  'guardduty:DeleteDetector',
  'config:DeleteConfigRule',
  'rds:DeleteDBInstance',
];

const pad = (n: number, width = 4) => String(n).padStart(width, '0');

/**
 * A sandbox organization of the given shape, built directly as state (no API calls, so building
 * 100,000 assignments takes no modeled time). Deterministic: the same shape always gives the same
 * organization. OUs: a tenth at the top, the rest nested below them; member accounts spread evenly
 * over the nested OUs; each customer SCP attached to one nested OU, the first ten also to a top
 * OU, the first three to the root and the first fifty to one account; each group assigned one
 * permission set in a run of consecutive accounts (in OU order), each assigned user likewise.
 */
export function buildOrganization(shape: OrgShape): SandboxState {
  const state = seedState({ organizationId: 'o-bench0000001' });
  const rootId = state.root.id;
  const suffix = rootId.slice(2);
  state.quotas.maxAccounts = Math.max(state.quotas.maxAccounts, shape.accounts);

  const topCount = Math.max(1, Math.round(shape.ous / 10));
  const ous: SandboxOu[] = [];
  const leaves: SandboxOu[] = [];
  for (let t = 0; t < topCount; t++)
    ous.push({
      id: `ou-${suffix}-top${pad(t, 5)}`,
      name: `unit-${pad(t)}`,
      parentId: rootId,
      tags: { owner: 'platform' },
    });
  for (let i = 0; i < shape.ous - topCount; i++) {
    const parent = ous[i % topCount]!;
    const leaf = {
      id: `ou-${suffix}-ou${pad(i, 6)}`,
      name: `team-${pad(i)}`,
      parentId: parent.id,
      tags: { owner: `team-${i % 25}` },
    };
    leaves.push(leaf);
  }
  ous.push(...leaves);
  state.ous = ous;
  const homes = leaves.length > 0 ? leaves : ous;

  const members: SandboxAccount[] = [];
  const memberCount = shape.accounts - 1;
  for (let i = 0; i < memberCount; i++) {
    // Consecutive accounts share an OU, so a run of accounts covers whole OUs.
    const home = homes[Math.floor((i * homes.length) / memberCount)]!;
    members.push({
      id: String(200_000_000_000 + i),
      name: `account-${pad(i, 5)}`,
      email: `aws+account-${pad(i, 5)}@example.com`,
      state: 'ACTIVE',
      parentId: home.id,
      tags: { team: `team-${i % 20}`, env: i % 3 === 0 ? 'prod' : 'dev' },
      joinedMethod: 'CREATED',
    });
  }
  state.accounts.push(...members);

  const fullAccess = state.policies.find((p) => p.id === FULL_AWS_ACCESS_ID)!;
  fullAccess.targets = [rootId, ...ous.map((o) => o.id), ...state.accounts.map((a) => a.id)];
  for (let p = 0; p < shape.policies; p++) {
    const targets = [homes[p % homes.length]!.id];
    if (p < topCount && leaves.length > 0) targets.push(ous[p]!.id);
    if (p < 3) targets.push(rootId);
    if (p < 50 && members.length > 0) targets.push(members[(p * 7) % members.length]!.id);
    const policy: SandboxPolicy = {
      id: `p-bench${pad(p, 6)}`,
      type: 'SERVICE_CONTROL_POLICY',
      name: `guardrail-${pad(p)}`,
      description: `Guardrail ${p}`,
      content: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: `Deny${p}`,
            Effect: 'Deny',
            Action: [ACTIONS[p % ACTIONS.length]!],
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:PrincipalTag/exempt': `guardrail-${p}` } },
          },
        ],
      }),
      awsManaged: false,
      tags: { guardrail: 'yes' },
      targets: [...new Set(targets)],
    };
    state.policies.push(policy);
  }

  const ic = state.identityCenter!;
  const instanceId = ic.instanceArn.slice(ic.instanceArn.lastIndexOf('/') + 1);
  const permissionSets: SandboxPermissionSet[] = [];
  for (let i = 0; i < shape.permissionSets; i++) {
    permissionSets.push({
      arn: `arn:aws:sso:::permissionSet/${instanceId}/ps-bench${pad(i, 12)}`,
      name: `role-${pad(i)}`,
      description: `Role ${i}`,
      sessionDuration: i % 2 === 0 ? 'PT4H' : 'PT1H',
      managedPolicies: [
        i % 3 === 0
          ? 'arn:aws:iam::aws:policy/ReadOnlyAccess'
          : 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
      ],
      customerManagedPolicies: [],
      ...(i % 4 === 0
        ? {
            inlinePolicy: JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::bucket-${i}/*` },
              ],
            }),
          }
        : {}),
      tags: { tier: i % 2 === 0 ? 'high' : 'low' },
      version: 1,
      provisioned: {},
    });
  }
  ic.permissionSets = permissionSets;
  ic.groups = Array.from({ length: shape.groups }, (_, g) => ({
    id: `a0000000-0000-4000-8000-${pad(g, 12)}`,
    name: `group-${pad(g)}`,
  }));
  ic.users = Array.from({ length: shape.users }, (_, u) => ({
    id: `b0000000-0000-4000-8000-${pad(u, 12)}`,
    name: `user-${pad(u)}`,
  }));

  const assignments: SandboxAssignment[] = [];
  const assignRun = (
    principalType: 'GROUP' | 'USER',
    principalId: string,
    ps: SandboxPermissionSet,
    start: number,
    count: number,
  ) => {
    for (let k = 0; k < count; k++) {
      const account = members[(start + k) % members.length]!;
      assignments.push({ accountId: account.id, permissionSetArn: ps.arn, principalType, principalId });
      ps.provisioned[account.id] = ps.version;
    }
  };
  if (members.length > 0 && permissionSets.length > 0) {
    ic.groups.forEach((g, i) => {
      const start = Math.floor((i * members.length) / Math.max(1, ic.groups.length));
      assignRun('GROUP', g.id, permissionSets[i % permissionSets.length]!, start, shape.accountsPerGroup);
    });
    ic.users.slice(0, shape.assignedUsers).forEach((u, i) => {
      const start = (i * 37) % members.length;
      assignRun('USER', u.id, permissionSets[(i * 3) % permissionSets.length]!, start, shape.accountsPerUser);
    });
  }
  ic.assignments = assignments;
  state.trustedServices = ['guardduty.amazonaws.com', 'sso.amazonaws.com'];
  if (members[0])
    state.delegatedAdministrators = [
      { accountId: members[0].id, servicePrincipal: 'guardduty.amazonaws.com' },
    ];
  return state;
}
