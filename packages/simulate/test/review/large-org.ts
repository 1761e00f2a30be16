import {
  account,
  type DesiredState,
  FullAWSAccess,
  organizationalUnit,
  organizationRoot,
} from '@orgops/model';
import { protectTrailPolicy, regionAllowListPolicy } from '@orgops/model/testing';
import { createSandbox, type SandboxBackend, seedState } from '@orgops/sandbox';
import { appliedSandbox, reviewOrganization } from './org.ts';

export const LARGE_ACCOUNTS = 1000;
const TEAMS = 40;

export interface LargeVariant {
  readonly readOnlyInline?: unknown;
  readonly trailExempt?: readonly string[];
}

/**
 * An organization at the size the review must stay fast and readable for: 1,000 accounts in 40
 * team OUs under /Workloads/Prod and /Workloads/NonProd, a Security OU, guardrails at the root
 * (one with exempt principals) and a Region allow-list on /Workloads; ReadOnly for group
 * read-only everywhere but management, Admin for group platform-admins in /Workloads.
 */
export function largeOrganization(v: LargeVariant = {}): DesiredState {
  const protectTrail = protectTrailPolicy(v.trailExempt ? { exempt: v.trailExempt } : {});
  const regions = regionAllowListPolicy('region-allow-list', ['iam:*', 'organizations:*', 'sts:*']);
  return reviewOrganization({
    root: organizationRoot({ policies: [FullAWSAccess, protectTrail] }),
    workloadsPolicies: [FullAWSAccess, regions],
    readOnly: v.readOnlyInline ? { inlinePolicy: v.readOnlyInline as never } : {},
    more: (workloads) => {
      const prod = organizationalUnit('Prod', { parent: workloads });
      const nonProd = organizationalUnit('NonProd', { parent: workloads });
      const teams = Array.from({ length: TEAMS }, (_, i) =>
        organizationalUnit(`team-${String(i).padStart(2, '0')}`, { parent: i % 2 === 0 ? prod : nonProd }),
      );
      const accounts = Array.from({ length: LARGE_ACCOUNTS - 2 }, (_, i) => {
        const name = `acct-${String(i).padStart(4, '0')}`;
        return account({
          name,
          email: `${name}@example.com`,
          parent: teams[i % TEAMS]!,
          tags: (i % TEAMS) % 2 === 0 ? { environment: 'prod' } : {},
        });
      });
      return { ous: [prod, nonProd, ...teams], accounts };
    },
  });
}

/** A sandbox with the large organization applied (its account quota raised, as a real one's is). */
export function appliedLargeSandbox(): Promise<SandboxBackend> {
  return appliedSandbox(largeOrganization(), createSandbox(seedState({ maxAccounts: LARGE_ACCOUNTS + 1 })));
}
