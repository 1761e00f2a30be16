import {
  account,
  assign,
  FullAWSAccess,
  group,
  type OrganizationalUnit,
  type OrganizationConfig,
  type OrganizationPolicy,
  organizationalUnit,
  organizationRoot,
  type PermissionSet,
  permissionSet,
  type Root,
  serviceControlPolicy,
  trustedService,
} from '@orgops/model';
import { managementIn, testOrganization } from '@orgops/model/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED_GROUPS } from '../src/index.ts';
import { sandbox } from './helpers.ts';
import { emptyTally, runScenario, scenario } from './property-scenario.ts';
import { planApplyAndJudge } from './property-step.ts';

/**
 * Runs of the widened property: a fast subset by default, thousands behind the opt-in
 * (`ORGOPS_PROPERTY_RUNS=5000 pnpm --filter @orgops/sandbox test`, or `pnpm test:deep`).
 * `ORGOPS_PROPERTY_SEED` replays the run fast-check reported.
 */
const DEEP = Number(process.env.ORGOPS_PROPERTY_RUNS ?? '') || undefined;
const RUNS = DEEP ?? 100;
const SEED = process.env.ORGOPS_PROPERTY_SEED ? Number(process.env.ORGOPS_PROPERTY_SEED) : undefined;
/** A case takes well under 100 ms even on a loaded machine; the deep run gets time in proportion. */
const timeout = (runs: number): number => Math.max(120_000, runs * 250);

const OU_NAMES = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta'];
const ACCOUNT_POOL = 4;
const PS_POOL = ['ReadOnly', 'Admin', 'Ops'];
const MANAGED = [
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
  'arn:aws:iam::aws:policy/ViewOnlyAccess',
  'arn:aws:iam::aws:policy/AdministratorAccess',
];

const scp = (name: string, action: string) =>
  serviceControlPolicy({
    name,
    content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: '*' }] },
  });

/** A desired organization, as data the generator can shrink. */
interface Spec {
  ous: { parent: number }[];
  accounts: { parent: number; scps: number }[];
  ouScps: number[];
  rootScps: number;
  s3Variant: boolean;
  permissionSets: { use: boolean; session: number; managed: number }[];
  assignments: { group: number; ps: number; target: number }[];
}

const specArb = (accountCount: fc.Arbitrary<number>): fc.Arbitrary<Spec> =>
  fc.record({
    ous: fc.array(fc.record({ parent: fc.nat(20) }), { maxLength: OU_NAMES.length }),
    accounts: accountCount.chain((n) =>
      fc.array(fc.record({ parent: fc.nat(20), scps: fc.nat(7) }), { minLength: n, maxLength: n }),
    ),
    ouScps: fc.array(fc.nat(7), { minLength: OU_NAMES.length, maxLength: OU_NAMES.length }),
    rootScps: fc.nat(7),
    s3Variant: fc.boolean(),
    permissionSets: fc.array(fc.record({ use: fc.boolean(), session: fc.nat(2), managed: fc.nat(7) }), {
      minLength: PS_POOL.length,
      maxLength: PS_POOL.length,
    }),
    assignments: fc.array(
      fc.record({
        group: fc.nat(SEED_GROUPS.length - 1),
        ps: fc.nat(PS_POOL.length - 1),
        target: fc.nat(20),
      }),
      {
        maxLength: 6,
      },
    ),
  });

function build(spec: Spec): OrganizationConfig {
  const pool: OrganizationPolicy[] = [
    scp('deny-s3', spec.s3Variant ? 's3:DeleteBucket' : 's3:*'),
    scp('deny-ec2', 'ec2:*'),
    scp('deny-leave', 'organizations:LeaveOrganization'),
  ];
  const pick = (mask: number) => pool.filter((_, i) => mask & (1 << i));
  const root: Root = organizationRoot({ policies: spec.rootScps ? pick(spec.rootScps) : [FullAWSAccess] });
  const ous: OrganizationalUnit[] = [];
  const depth = new Map<OrganizationalUnit | Root, number>([[root, 0]]);
  spec.ous.forEach((o, i) => {
    const choice = o.parent % (ous.length + 1);
    let parent: Root | OrganizationalUnit = choice === 0 ? root : ous[choice - 1]!;
    if ((depth.get(parent) ?? 0) >= 5) parent = root;
    const ou = organizationalUnit(OU_NAMES[i]!, { parent, policies: pick(spec.ouScps[i] ?? 0) });
    depth.set(ou, (depth.get(parent) ?? 0) + 1);
    ous.push(ou);
  });
  const parents: (Root | OrganizationalUnit)[] = [root, ...ous];
  const accounts = spec.accounts.map((a, j) =>
    account({
      name: `acct-${j}`,
      email: `acct-${j}@example.com`,
      parent: parents[a.parent % parents.length]!,
      policies: pick(a.scps),
    }),
  );
  const sessions = ['PT1H', 'PT4H', 'PT12H'];
  const sets: (PermissionSet | undefined)[] = spec.permissionSets.map((p, k) =>
    p.use
      ? permissionSet({
          name: PS_POOL[k]!,
          sessionDuration: sessions[p.session]!,
          managedPolicies: MANAGED.filter((_, i) => p.managed & (1 << i)),
        })
      : undefined,
  );
  const targets = [...ous, ...accounts];
  const assignments = spec.assignments.flatMap((a) => {
    const ps = sets[a.ps];
    const target = targets[a.target % Math.max(1, targets.length)];
    return ps && target ? [assign(group(SEED_GROUPS[a.group]!), ps, [target])] : [];
  });
  return testOrganization({
    root,
    organizationalUnits: ous,
    accounts: [managementIn(root), ...accounts],
    policies: pool,
    permissionSets: sets.filter((p): p is PermissionSet => p !== undefined),
    assignments,
    trustedServices: [trustedService('sso.amazonaws.com')],
  });
}

describe('property: plan then apply never breaks an AWS rule, and the oracle agrees', () => {
  it(
    'from a random starting organization to a random desired one',
    async () => {
      const startAndDesired = fc
        .nat(ACCOUNT_POOL)
        .chain((start) =>
          fc.tuple(specArb(fc.constant(start)), specArb(fc.integer({ min: start, max: ACCOUNT_POOL }))),
        );
      await fc.assert(
        fc.asyncProperty(startAndDesired, async ([startSpec, desiredSpec]) => {
          const sb = sandbox({ asyncPolls: 1 });
          for (const spec of [startSpec, desiredSpec]) {
            const trace: string[] = [];
            expect((await planApplyAndJudge(sb, build(spec), trace)).outcome).toMatch(
              /^(applied|no-changes)$/,
            );
          }
        }),
        { numRuns: DEEP ?? 150, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
    },
    timeout(DEEP ?? 150),
  );

  it(
    'with renames, closures, ignore rules, console edits and policy-type toggles between plans',
    async () => {
      const tally = emptyTally();
      await fc.assert(
        fc.asyncProperty(scenario, (sc) => runScenario(sc, tally)),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
      // A generator whose cases are all refused would pass vacuously.
      const steps = Object.values(tally.outcomes).reduce((a, b) => a + b, 0);
      expect(tally.outcomes.applied / steps).toBeGreaterThan(0.3);
    },
    timeout(RUNS),
  );
});
