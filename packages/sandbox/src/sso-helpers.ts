import type { AsyncStatus } from '@orgops/live';
import { awsError, type SandboxContext } from './sandbox-context.ts';
import type {
  SandboxAssignment,
  SandboxIdentityCenter,
  SandboxPermissionSet,
  SandboxSsoRequest,
} from './state.ts';

const SVC = 'sso-admin';

export function instanceOf(ctx: SandboxContext, op: string, instanceArn: string): SandboxIdentityCenter {
  const ic = ctx.state.identityCenter;
  if (!ic || ic.instanceArn !== instanceArn)
    throw awsError(SVC, op, 'ResourceNotFoundException', `No Identity Center instance ${instanceArn}.`);
  return ic;
}

export function permissionSetOf(
  ctx: SandboxContext,
  op: string,
  instanceArn: string,
  arn: string,
): SandboxPermissionSet {
  const ps = instanceOf(ctx, op, instanceArn).permissionSets.find((p) => p.arn === arn);
  if (!ps) throw awsError(SVC, op, 'ResourceNotFoundException', `No permission set ${arn}.`);
  return ps;
}

export function asyncStatus(r: SandboxSsoRequest): AsyncStatus {
  return {
    requestId: r.id,
    status: r.status,
    ...(r.failureReason ? { failureReason: r.failureReason } : {}),
  };
}

interface AssignmentIndex {
  readonly length: number;
  readonly byPair: Map<string, SandboxAssignment[]>;
  readonly byPrincipal: Map<string, SandboxAssignment[]>;
}
const indexes = new WeakMap<readonly SandboxAssignment[], AssignmentIndex>();

/**
 * The assignments by (permission set, account) and by principal, so the list calls cost what AWS's
 * do rather than a scan of every assignment (100,000 of them in `pnpm bench`). Rebuilt whenever
 * the array changes: the sandbox only ever appends to it or replaces it.
 */
export function assignmentIndex(assignments: readonly SandboxAssignment[]): AssignmentIndex {
  const cached = indexes.get(assignments);
  if (cached && cached.length === assignments.length) return cached;
  const byPair = new Map<string, SandboxAssignment[]>();
  const byPrincipal = new Map<string, SandboxAssignment[]>();
  const add = (map: Map<string, SandboxAssignment[]>, key: string, a: SandboxAssignment) => {
    const list = map.get(key);
    if (list) list.push(a);
    else map.set(key, [a]);
  };
  for (const a of assignments) {
    add(byPair, `${a.permissionSetArn}|${a.accountId}`, a);
    add(byPrincipal, `${a.principalType}|${a.principalId}`, a);
  }
  const index = { length: assignments.length, byPair, byPrincipal };
  indexes.set(assignments, index);
  return index;
}

export function sameAssignment(a: SandboxAssignment, b: SandboxAssignment): boolean {
  return (
    a.accountId === b.accountId &&
    a.permissionSetArn === b.permissionSetArn &&
    a.principalType === b.principalType &&
    a.principalId === b.principalId
  );
}

/** A permission set change: accounts provisioned with the previous version become outdated. */
export function touch(ps: SandboxPermissionSet): void {
  ps.version += 1;
}

/**
 * Completes a request once it has been polled enough: the effect lands only then, as the
 * listings of AWS lag behind the call.
 */
export function completeRequest(ctx: SandboxContext, ic: SandboxIdentityCenter, r: SandboxSsoRequest): void {
  const account = ctx.state.accounts.find((a) => a.id === r.accountId);
  const ps = ic.permissionSets.find((p) => p.arn === r.permissionSetArn);
  if (r.kind !== 'delete-assignment' && (account?.state !== 'ACTIVE' || !ps)) {
    r.status = 'FAILED';
    r.failureReason = !ps
      ? 'The permission set no longer exists.'
      : `Account ${r.accountId} is ${account?.state ?? 'not in the organization'}; the role cannot be created.`;
    return;
  }
  r.status = 'SUCCEEDED';
  if (r.kind === 'provision' && ps) {
    ps.provisioned[r.accountId] = ps.version;
  } else if (r.kind === 'create-assignment' && r.assignment && ps) {
    const assignment = r.assignment;
    if (!ic.assignments.some((a) => sameAssignment(a, assignment))) ic.assignments.push({ ...assignment });
    if (ps.provisioned[r.accountId] === undefined) ps.provisioned[r.accountId] = ps.version;
  } else if (r.kind === 'delete-assignment' && r.assignment) {
    const assignment = r.assignment;
    ic.assignments = ic.assignments.filter((a) => !sameAssignment(a, assignment));
    const stillUsed = ic.assignments.some(
      (a) => a.permissionSetArn === r.permissionSetArn && a.accountId === r.accountId,
    );
    // AWS removes the role from an account when its last assignment there goes.
    if (!stillUsed && ps) delete ps.provisioned[r.accountId];
  }
}

export function poll(
  ctx: SandboxContext,
  op: string,
  instanceArn: string,
  requestId: string,
  kind: SandboxSsoRequest['kind'],
): AsyncStatus {
  const ic = instanceOf(ctx, op, instanceArn);
  const r = ic.requests.find((q) => q.id === requestId && q.kind === kind);
  if (!r) throw awsError(SVC, op, 'ResourceNotFoundException', `No request ${requestId}.`);
  if (r.status === 'IN_PROGRESS') {
    r.pollsLeft -= 1;
    if (r.pollsLeft <= 0) completeRequest(ctx, ic, r);
  }
  return asyncStatus(r);
}
