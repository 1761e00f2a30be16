import { isDeepStrictEqual } from 'node:util';
import {
  canonicalSnapshot,
  configReadOptions,
  readForDrift,
  readFull,
  readSnapshot,
  VirtualClock,
} from '@orgops/live';
import type { DesiredState } from '@orgops/model';
import { createSandbox, type SandboxBackend, type SandboxState } from '@orgops/sandbox';
import { bucketLoads } from './floor.ts';
import type { Model } from './measure.ts';
import { pacedBackend } from './paced-backend.ts';

export interface DriftMeasure {
  /** Out-of-band edits made after the last full read. */
  readonly edits: number;
  /** Write events CloudTrail held for the window. */
  readonly events: number;
  readonly modeledSeconds: number;
  readonly calls: Readonly<Record<string, number>>;
  readonly totalCalls: number;
  /** What AWS's rates allow at best for those calls. */
  readonly floorSeconds: number;
  /** The incremental read equals a full read of the same organization. */
  readonly matchesFullRead: boolean;
}

const HOUR = 3_600_000;

/**
 * `drift --since` on modeled time: a full read kept as the baseline, an hour later ten edits made
 * by hand (recorded in CloudTrail as AWS would), an hour after that the incremental check, paced
 * like every other read. Its result is compared with a full read of the edited organization.
 */
export async function measureDrift(
  state: SandboxState,
  desired: DesiredState,
  model: Model,
): Promise<DriftMeasure> {
  const clock = new VirtualClock(Date.parse('2026-06-01T06:00:00Z'));
  const sandbox = createSandbox(state, { asyncPolls: model.asyncPolls, clock });
  const backend = pacedBackend(sandbox, { clock, latencyMs: model.latencyMs });
  const options = configReadOptions(desired);
  const baseline = await clock.run(() => readFull(backend, { ...options, clock }));
  await clock.run(() => clock.sleep(HOUR));
  const edits = await editByHand(sandbox);
  await clock.run(() => clock.sleep(HOUR));

  sandbox.resetStats();
  const started = clock.now();
  const read = await clock.run(() =>
    readForDrift(backend, JSON.parse(JSON.stringify(baseline)), { ...options, clock }),
  );
  const modeledSeconds = (clock.now() - started) / 1000;
  if (read.mode !== 'incremental') throw new Error(`The modeled drift check read everything: ${read.reason}`);
  const stats = sandbox.stats();
  const full = await readSnapshot(sandbox, options);
  return {
    edits,
    events: read.events,
    modeledSeconds,
    calls: stats.calls,
    totalCalls: stats.total,
    floorSeconds: bucketLoads(stats.calls)[0]?.seconds ?? 0,
    matchesFullRead: isDeepStrictEqual(canonicalSnapshot(read.snapshot), canonicalSnapshot(full)),
  };
}

/**
 * Ten edits of the kinds a console session makes: an account moved and one retagged, an OU
 * created and one retagged, a guardrail detached, another attached, a policy's document changed,
 * a permission set's session changed, one assignment made and one removed.
 */
async function editByHand(sb: SandboxBackend): Promise<number> {
  const s = sb.exportState();
  const org = sb.organizations;
  const sso = sb.ssoAdmin;
  const ic = s.identityCenter!;
  const members = s.accounts.filter((a) => a.id !== s.organization.managementAccountId);
  const [a, b] = [members[0]!, members[members.length - 1]!];
  const leaf = s.ous.find((o) => o.parentId !== s.root.id) ?? s.ous[0]!;
  const guardrails = s.policies.filter((p) => !p.awsManaged);
  const g0 = guardrails[0]!;
  const g1 = guardrails[guardrails.length - 1]!;
  await org.moveAccount(a.id, a.parentId, leaf.id === a.parentId ? s.root.id : leaf.id);
  await org.tagResource(b.id, { team: 'changed-by-hand' });
  await org.createOrganizationalUnit(s.root.id, 'made-by-hand', {});
  await org.tagResource(leaf.id, { owner: 'someone-else' });
  await org.detachPolicy(g0.id, g0.targets[0]!);
  await org.attachPolicy(g1.id, s.root.id);
  await org.updatePolicy({ policyId: g1.id, content: g1.content.replace('"Deny"', '"Deny" ') });
  const ps = ic.permissionSets[0]!;
  await sso.updatePermissionSet(ic.instanceArn, { arn: ps.arn, sessionDuration: 'PT12H' });
  const settle = async (
    started: { requestId: string; status: string },
    poll: (id: string) => Promise<{ status: string }>,
  ) => {
    let status = started.status;
    while (status === 'IN_PROGRESS') status = (await poll(started.requestId)).status;
  };
  const group = ic.groups[ic.groups.length - 1]!;
  await settle(
    await sso.createAccountAssignment(ic.instanceArn, {
      accountId: b.id,
      permissionSetArn: ps.arn,
      principalType: 'GROUP',
      principalId: group.id,
    }),
    (id) => sso.describeAccountAssignmentCreationStatus(ic.instanceArn, id),
  );
  const gone = ic.assignments[0]!;
  await settle(await sso.deleteAccountAssignment(ic.instanceArn, gone), (id) =>
    sso.describeAccountAssignmentDeletionStatus(ic.instanceArn, id),
  );
  return 10;
}
