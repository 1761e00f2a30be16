import type { SnapshotPolicy } from '@orgops/engine';
import { AWS_MANAGED_POLICY_CONTENT } from '../aws-managed-policies.ts';
import type { Limiter } from '../concurrency.ts';
import type { OrganizationsPort } from '../ports.ts';

/**
 * Policies of the given types (enabled ones, and disabled ones whose policies AWS keeps):
 * ListPolicies per type, then ListTargetsForPolicy per policy
 * (policies are far fewer than targets × types). DescribePolicy, throttled at 2 per second, is
 * called only for customer-managed policies; AWS-managed content is known.
 */
export async function readPolicies(
  org: OrganizationsPort,
  types: readonly string[],
  run: Limiter,
): Promise<SnapshotPolicy[]> {
  const perType = await Promise.all(types.map((type) => run.run(() => org.listPolicies(type))));
  const summaries = perType.flat();
  return Promise.all(
    summaries.map(async (p) => {
      const [targets, content, tags] = await Promise.all([
        run.run(() => org.listTargetsForPolicy(p.id)),
        p.awsManaged
          ? (AWS_MANAGED_POLICY_CONTENT[p.id] ?? '')
          : run.run(async () => (await org.describePolicy(p.id)).content),
        p.awsManaged ? {} : run.run(() => org.listTagsForResource(p.id)),
      ]);
      return {
        id: p.id,
        type: p.type,
        name: p.name,
        description: p.description,
        content,
        awsManaged: p.awsManaged,
        tags: { ...tags },
        targets: targets.map((t) => t.targetId),
      };
    }),
  );
}
