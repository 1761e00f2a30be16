import { LIMITS } from '@orgops/model';
import { z } from 'zod';
import type { SandboxState } from './state.ts';

/**
 * The sandbox file's shape. Strict objects: the file is written by orgops, so an unknown key is a
 * hand edit gone wrong (a misspelt `quotas.maxAcounts` would otherwise be ignored silently).
 */
const tags = z.record(z.string(), z.string());
const count = z.number().int().nonnegative();
const parentRef = z.strictObject({ name: z.string(), path: z.string() });

const ou = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  parentId: z.string().min(1),
  tags,
});

const account = z.strictObject({
  id: z.string().regex(/^\d{12}$/, 'an account id is 12 digits'),
  name: z.string().min(1),
  email: z.string().min(1),
  state: z.enum(['PENDING_ACTIVATION', 'ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE', 'CLOSED']),
  parentId: z.string().min(1),
  tags,
  joinedMethod: z.enum(['INVITED', 'CREATED']),
  suspendAtTick: count.optional(),
});

const policy = z.strictObject({
  id: z.string().min(1),
  type: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
  content: z.string(),
  awsManaged: z.boolean(),
  tags,
  targets: z.array(z.string()),
});

const createAccountRequest = z.strictObject({
  id: z.string().min(1),
  email: z.string(),
  name: z.string(),
  tags,
  state: z.enum(['IN_PROGRESS', 'SUCCEEDED', 'FAILED']),
  pollsLeft: z.number().int(),
  accountId: z.string().optional(),
  failureReason: z.string().optional(),
});

const assignment = z.strictObject({
  accountId: z.string(),
  permissionSetArn: z.string(),
  principalType: z.enum(['GROUP', 'USER']),
  principalId: z.string(),
});

const permissionSet = z.strictObject({
  arn: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  sessionDuration: z.string(),
  relayState: z.string().optional(),
  inlinePolicy: z.string().optional(),
  managedPolicies: z.array(z.string()),
  customerManagedPolicies: z.array(parentRef),
  permissionsBoundary: z
    .union([
      z.strictObject({ managedPolicyArn: z.string() }),
      z.strictObject({ customerManagedPolicy: parentRef }),
    ])
    .optional(),
  tags,
  version: count,
  provisioned: z.record(z.string(), count),
});

const ssoRequest = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(['create-assignment', 'delete-assignment', 'provision']),
  status: z.enum(['IN_PROGRESS', 'SUCCEEDED', 'FAILED']),
  pollsLeft: z.number().int(),
  permissionSetArn: z.string(),
  accountId: z.string(),
  assignment: assignment.optional(),
  failureReason: z.string().optional(),
});

const principal = z.strictObject({ id: z.string().min(1), name: z.string().min(1) });

export const sandboxStateSchema = z.strictObject({
  stateVersion: z.literal(1),
  counters: z.record(z.string(), count),
  tick: count,
  organization: z.strictObject({
    id: z
      .string()
      .regex(/^o-[a-z0-9]{10,32}$/, 'an organization id is o- and 10 to 32 lowercase letters or digits'),
    arn: z.string(),
    featureSet: z.literal('ALL'),
    managementAccountId: z.string(),
  }),
  root: z.strictObject({
    id: z.string().regex(/^r-[0-9a-z]{4,32}$/, 'a root id is r- and 4 to 32 lowercase letters or digits'),
    name: z.string(),
    enabledPolicyTypes: z.array(z.string()),
    tags,
  }),
  quotas: z.strictObject({
    maxAccounts: z
      .number()
      .int()
      .min(1)
      .max(LIMITS.organizations.maxAccountsQuotaCeiling, 'AWS raises the account quota to 50,000 at most'),
  }),
  ous: z.array(ou),
  accounts: z.array(account),
  policies: z.array(policy),
  trustedServices: z.array(z.string()),
  delegatedAdministrators: z.array(z.strictObject({ accountId: z.string(), servicePrincipal: z.string() })),
  createAccountRequests: z.array(createAccountRequest),
  closedAccounts: count,
  identityCenter: z
    .strictObject({
      instanceArn: z.string().min(1),
      identityStoreId: z.string().min(1),
      groups: z.array(principal),
      users: z.array(principal),
      permissionSets: z.array(permissionSet),
      assignments: z.array(assignment),
      requests: z.array(ssoRequest),
    })
    .optional(),
});

/** One thing wrong with a sandbox file: where (a path like `accounts[2].id`), what, and the value. */
export interface StateProblem {
  readonly path: string;
  readonly message: string;
  readonly value?: unknown;
}

/**
 * Checks parsed JSON against the schema, then against the invariants AWS keeps for every
 * organization (unique ids and emails, parents that exist, no OU cycles, attachments to existing
 * targets...). Returns the state, or every problem found.
 */
export function checkSandboxState(
  input: unknown,
): { ok: true; state: SandboxState } | { ok: false; problems: StateProblem[] } {
  const parsed = sandboxStateSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const value = valueAt(input, issue.path);
        const missing = issue.code === 'invalid_type' && value === undefined;
        return {
          path: formatPath(issue.path),
          message: missing
            ? `missing (${issue.expected} expected)`
            : issue.message.replace(/^Invalid input: /, ''),
          value,
        };
      }),
    };
  }
  const state = parsed.data as SandboxState;
  const problems = invariantProblems(state);
  return problems.length ? { ok: false, problems } : { ok: true, state };
}

function invariantProblems(s: SandboxState): StateProblem[] {
  const problems: StateProblem[] = [];
  const add = (path: string, message: string, value?: unknown) =>
    problems.push({ path, message, ...(value !== undefined ? { value } : {}) });

  const unique = <T>(list: readonly T[], key: (t: T) => string, at: string, what: string) => {
    const first = new Map<string, number>();
    list.forEach((item, i) => {
      const k = key(item);
      const seen = first.get(k);
      if (seen === undefined) first.set(k, i);
      else add(`${at}[${i}]`, `duplicate ${what} (also at ${at}[${seen}])`, k);
    });
  };

  unique(s.ous, (o) => o.id, 'ous', 'OU id');
  unique(s.accounts, (a) => a.id, 'accounts', 'account id');
  unique(s.accounts, (a) => a.email.toLowerCase(), 'accounts', 'account email');
  unique(s.policies, (p) => p.id, 'policies', 'policy id');
  unique(s.policies, (p) => `${p.type}/${p.name}`, 'policies', 'policy name within its type');
  unique(s.createAccountRequests, (r) => r.id, 'createAccountRequests', 'request id');

  const ouIds = new Set(s.ous.map((o) => o.id));
  const accountIds = new Set(s.accounts.map((a) => a.id));
  if (ouIds.has(s.root.id)) add('root.id', 'the root id is also used by an OU', s.root.id);
  const isParent = (id: string) => id === s.root.id || ouIds.has(id);

  s.ous.forEach((o, i) => {
    if (!isParent(o.parentId)) add(`ous[${i}].parentId`, 'no root or OU has this id', o.parentId);
  });
  unique(s.ous, (o) => `${o.parentId}/${o.name}`, 'ous', 'OU name under its parent');
  ouCycles(s, add);

  if (!accountIds.has(s.organization.managementAccountId))
    add('organization.managementAccountId', 'no account has this id', s.organization.managementAccountId);
  s.accounts.forEach((a, i) => {
    if (!isParent(a.parentId)) add(`accounts[${i}].parentId`, 'no root or OU has this id', a.parentId);
  });

  const isTarget = (id: string) => isParent(id) || accountIds.has(id);
  const enabled = new Set(s.root.enabledPolicyTypes);
  s.policies.forEach((p, i) => {
    p.targets.forEach((t, j) => {
      if (!isTarget(t)) add(`policies[${i}].targets[${j}]`, 'no root, OU or account has this id', t);
    });
    if (p.targets.length && !enabled.has(p.type))
      add(
        `policies[${i}].targets`,
        `policy type ${p.type} is not enabled on the root, so nothing can be attached`,
        p.type,
      );
    if (new Set(p.targets).size !== p.targets.length)
      add(`policies[${i}].targets`, 'a target is listed twice', p.targets);
  });

  s.delegatedAdministrators.forEach((d, i) => {
    if (!accountIds.has(d.accountId))
      add(`delegatedAdministrators[${i}].accountId`, 'no account has this id', d.accountId);
  });
  s.createAccountRequests.forEach((r, i) => {
    if (r.accountId !== undefined && !accountIds.has(r.accountId))
      add(`createAccountRequests[${i}].accountId`, 'no account has this id', r.accountId);
  });

  const ic = s.identityCenter;
  if (ic) {
    unique(ic.groups, (g) => g.id, 'identityCenter.groups', 'group id');
    unique(ic.users, (u) => u.id, 'identityCenter.users', 'user id');
    unique(ic.permissionSets, (p) => p.arn, 'identityCenter.permissionSets', 'permission set ARN');
    unique(ic.permissionSets, (p) => p.name, 'identityCenter.permissionSets', 'permission set name');
    unique(ic.requests, (r) => r.id, 'identityCenter.requests', 'request id');
    const arns = new Set(ic.permissionSets.map((p) => p.arn));
    const principals = {
      GROUP: new Set(ic.groups.map((g) => g.id)),
      USER: new Set(ic.users.map((u) => u.id)),
    };
    ic.assignments.forEach((a, i) => {
      const at = `identityCenter.assignments[${i}]`;
      if (!arns.has(a.permissionSetArn))
        add(`${at}.permissionSetArn`, 'no permission set has this ARN', a.permissionSetArn);
      if (!accountIds.has(a.accountId)) add(`${at}.accountId`, 'no account has this id', a.accountId);
      if (!principals[a.principalType].has(a.principalId))
        add(
          `${at}.principalId`,
          `no ${a.principalType.toLowerCase()} in the identity store has this id`,
          a.principalId,
        );
    });
    ic.permissionSets.forEach((p, i) => {
      for (const id of Object.keys(p.provisioned)) {
        if (!accountIds.has(id))
          add(
            `identityCenter.permissionSets[${i}].provisioned`,
            'provisioned to an account that does not exist',
            id,
          );
      }
    });
  }
  return problems;
}

/** Every OU must reach the root by following parents; a loop never does. */
function ouCycles(s: SandboxState, add: (path: string, message: string, value?: unknown) => void): void {
  const parentOf = new Map(s.ous.map((o) => [o.id, o.parentId]));
  const reported = new Set<string>();
  s.ous.forEach((o, i) => {
    const seen: string[] = [];
    let current: string | undefined = o.id;
    while (current !== undefined && current !== s.root.id && !seen.includes(current)) {
      seen.push(current);
      current = parentOf.get(current);
    }
    if (current === undefined || current === s.root.id) return;
    const cycle = seen.slice(seen.indexOf(current));
    const key = [...cycle].sort().join(',');
    if (reported.has(key)) return;
    reported.add(key);
    add(
      `ous[${i}].parentId`,
      `OUs form a cycle and never reach the root: ${[...cycle, current].join(' -> ')}`,
      o.parentId,
    );
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(the whole file)';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}
