import type { SnapshotPolicy } from '@orgops/engine';
import { AWS_MANAGED_POLICY_CONTENT } from '../aws-managed-policies.ts';
import type { CallScheduler } from '../pacing/call-scheduler.ts';
import type { OrganizationsReads, PolicySummary } from '../ports.ts';

/**
 * Policies of the given types (enabled ones, and disabled ones whose policies AWS keeps):
 * ListPolicies per type, then ListTargetsForPolicy per policy
 * (policies are far fewer than targets × types). DescribePolicy, throttled at 2 per second, is
 * called only for customer-managed policies; AWS-managed content is known.
 */
export async function readPolicies(
  org: OrganizationsReads,
  types: readonly string[],
  calls: CallScheduler,
): Promise<SnapshotPolicy[]> {
  const perType = await Promise.all(
    types.map((type) => calls.run('organizations', 'ListPolicies', () => org.listPolicies(type))),
  );
  return Promise.all(perType.flat().map((p) => readPolicy(org, p, calls)));
}

/** One policy from its summary: targets, content (customer-managed only) and tags. */
export async function readPolicy(
  org: OrganizationsReads,
  p: PolicySummary,
  calls: CallScheduler,
): Promise<SnapshotPolicy> {
  const [targets, content, tags] = await Promise.all([
    calls.run('organizations', 'ListTargetsForPolicy', () => org.listTargetsForPolicy(p.id)),
    p.awsManaged
      ? (AWS_MANAGED_POLICY_CONTENT[p.id] ?? '')
      : calls.run('organizations', 'DescribePolicy', async () => (await org.describePolicy(p.id)).content),
    p.awsManaged
      ? {}
      : calls.run('organizations', 'ListTagsForResource', () => org.listTagsForResource(p.id)),
  ]);
  return snapshotPolicy(
    p,
    content,
    tags,
    targets.map((t) => t.targetId),
  );
}

/** A policy as a snapshot records it, from its summary and what was read about it. */
export function snapshotPolicy(
  p: PolicySummary,
  content: string,
  tags: Readonly<Record<string, string>>,
  targets: readonly string[],
): SnapshotPolicy {
  return {
    id: p.id,
    type: p.type,
    name: p.name,
    description: p.description,
    content,
    awsManaged: p.awsManaged,
    tags: { ...tags },
    targets: [...targets],
  };
}
