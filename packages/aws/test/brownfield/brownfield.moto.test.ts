/**
 * The brownfield round trip against a real moto_server through the real SDK: an organization
 * built by hand over the years (200 accounts, 20 OUs, 30 SCPs, 10 permission sets, 500
 * assignments) is imported with generateConfig, the generated config plans to nothing, console
 * edits are reported as drift with the right class and applied away, an apply that crashes part
 * way loses nothing and converges, and the read's cost is pinned per operation.
 *
 * What moto cannot show: it provisions permission sets to the caller's account only and answers
 * every provisioning and assignment request SUCCEEDED at once, so IN_PROGRESS polling, per-account
 * provisioning and outdated roles are not exercised here (see moto-gaps.mock.test.ts and the
 * sandbox tests); and it never pages ListTargetsForPolicy (AWS would, for FullAWSAccess).
 */

import { classifyDrift, expandAssignments, generateConfig, isEmptyPlan, type Snapshot } from '@orgops/engine';
import { lintConfig } from '@orgops/lint';
import { applyPlan, type ChangeOutcome } from '@orgops/live';
import type { DesiredState, OrganizationConfig } from '@orgops/model';
import { type Moto, motoClients, startMoto } from '@orgops/testkit/moto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsBackend, AwsClients } from '../../src/index.ts';
import {
  assignmentKey,
  MANAGEMENT_ACCOUNT,
  OU_PATHS,
  PERMISSION_SETS,
  SEEDED_SMELLS,
} from './brownfield-shape.ts';
import { compareWithNaive, costTable } from './call-model.ts';
import { type ExpectedDrift, editLikeAConsoleUser, thirtyEdits } from './console-edits.ts';
import {
  APPLY_OPTIONS,
  brownfieldBackend,
  loadConfig,
  planAgainst,
  read,
  removeScratch,
  summary,
  type WriteFault,
  writeGenerated,
} from './harness.ts';
import { type BrownfieldOrg, seedBrownfield } from './seed-brownfield.ts';

const STEP_TIMEOUT = 120_000;

let moto: Moto;
/** Raw SDK clients: the "console user" of the out-of-band phases. */
let consoleUser: AwsClients;
let seeded: BrownfieldOrg;
let seedMs = 0;
/** The imported config, set by the import phase and used by every later one. */
let imported: DesiredState | undefined;
/** The imported config as authored (objects and sites), for lint. */
let importedConfig: OrganizationConfig | undefined;

beforeAll(async () => {
  moto = await startMoto();
  await moto.reset();
  consoleUser = motoClients(moto);
  const started = performance.now();
  seeded = await seedBrownfield(consoleUser);
  seedMs = performance.now() - started;
}, STEP_TIMEOUT);

afterAll(async () => {
  for (const client of Object.values(consoleUser ?? {})) client.destroy();
  removeScratch();
  await moto?.stop();
});

async function withBackend<T>(
  fn: (b: AwsBackend) => Promise<T>,
  options?: Parameters<typeof brownfieldBackend>[1],
): Promise<T> {
  const b = await brownfieldBackend(moto, options);
  try {
    return await fn(b);
  } finally {
    b.destroy();
  }
}

function desiredConfig(): DesiredState {
  if (!imported) throw new Error('the import phase did not produce a config; see its failure above');
  return imported;
}

const pathOf = (s: Snapshot, parentId: string): string => {
  const byId = new Map(s.ous.map((o) => [o.id, o]));
  const parts: string[] = [];
  for (let o = byId.get(parentId); o; o = byId.get(o.parentId)) parts.unshift(o.name);
  return parts.join('/');
};

describe('seeding a brownfield organization into moto', () => {
  it('holds 200 member accounts, 20 OUs on three levels, 30 SCPs, 10 permission sets and 500 assignments, in under 60 s', () => {
    console.info(`seeded in ${(seedMs / 1000).toFixed(1)} s`);
    expect(seeded.accounts).toHaveLength(200);
    expect(Object.keys(seeded.ous)).toHaveLength(20);
    expect(Math.max(...OU_PATHS.map((p) => p.split('/').length))).toBe(3);
    expect(Object.keys(seeded.policies)).toHaveLength(30);
    expect(Object.keys(seeded.permissionSets)).toHaveLength(10);
    expect(new Set(seeded.assignments).size).toBe(500);
    expect(seedMs).toBeLessThan(60_000);
  });
});

describe('import: read -> generateConfig -> load with tsx -> validate -> plan', () => {
  let snapshot: Snapshot | undefined;

  it(
    'reads the whole organization through the backend',
    async () => {
      snapshot = await withBackend((b) => read(b));
      const s = snapshot;
      expect(s.organization.managementAccountId).toBe(MANAGEMENT_ACCOUNT);
      expect(s.accounts).toHaveLength(201);
      expect(s.ous.map((o) => pathOf(s, o.id)).sort()).toEqual([...OU_PATHS].sort());
      const placement = Object.fromEntries(
        s.accounts.filter((a) => a.id !== MANAGEMENT_ACCOUNT).map((a) => [a.name, pathOf(s, a.parentId)]),
      );
      expect(placement).toEqual(Object.fromEntries(seeded.accounts.map((a) => [a.name, a.home])));
      expect(s.accounts.find((a) => a.name === 'prod-shop-01')?.tags).toEqual({
        env: 'prod',
        team: 'shop',
        'cost-center': 'cc-100',
      });

      const customer = s.policies.filter((p) => !p.awsManaged);
      expect(Object.fromEntries(customer.map((p) => [p.name, [...p.targets].sort()]))).toEqual(
        Object.fromEntries(Object.entries(seeded.attachments).map(([name, t]) => [name, [...t].sort()])),
      );
      // moto attaches FullAWSAccess to the root, every OU and every account.
      expect(s.policies.find((p) => p.awsManaged)?.targets).toHaveLength(1 + 20 + 201);
      expect([...s.trustedServices].sort()).toEqual([...seeded.trustedServices].sort());
      expect(s.delegatedAdministrators).toEqual([seeded.delegatedAdmin]);

      const ic = s.identityCenter!;
      expect(
        Object.fromEntries(
          ic.permissionSets.map((ps) => [
            ps.name,
            [
              ps.description,
              ps.sessionDuration,
              ps.relayState,
              ps.managedPolicies,
              ps.inlinePolicy,
              ps.customerManagedPolicies,
            ],
          ]),
        ),
      ).toEqual(
        Object.fromEntries(
          PERMISSION_SETS.map((ps) => [
            ps.name,
            [
              ps.description,
              ps.sessionDuration,
              ps.relayState,
              [...ps.managed].sort(),
              ps.inline,
              ps.customerManaged ?? [],
            ],
          ]),
        ),
      );
      const read500 = ic.assignments.map((a) =>
        assignmentKey({
          PrincipalType: a.principalType,
          PrincipalId: a.principalId,
          PermissionSetArn: a.permissionSetArn,
          TargetId: a.accountId,
        }),
      );
      expect(read500.sort()).toEqual([...seeded.assignments].sort());
    },
    STEP_TIMEOUT,
  );

  it(
    'generates config that loads through tsx, validates, and plans to no changes against a fresh read',
    async () => {
      if (!snapshot) throw new Error('the read above failed');
      const generated = generateConfig(snapshot, { now: new Date('2026-11-23T00:00:00Z') });
      console.info(
        `generated ${generated.files.length} files (${generated.files.map((f) => f.path).join(', ')}); notes: ${generated.notes.length === 0 ? 'none' : `\n  ${generated.notes.join('\n  ')}`}`,
      );
      expect(generated.files.map((f) => f.path)).toContain('index.ts');
      const dir = writeGenerated(generated.files);
      const { config, desired, warnings } = await loadConfig(dir);
      // No warnings: the four users with direct grants are orgops lint's finding (below), not the validator's.
      expect(warnings).toEqual([]);
      importedConfig = config;
      expect(desired.accounts).toHaveLength(201);
      expect(desired.ous.map((o) => o.path.slice(1)).sort()).toEqual([...OU_PATHS].sort());
      expect(
        desired.policies
          .filter((p) => !p.awsManaged)
          .map((p) => p.name)
          .sort(),
      ).toEqual(Object.keys(seeded.policies).sort());
      expect(desired.permissionSets).toHaveLength(10);
      // The importer folds the 500 grants into rules (by OU where it can); they expand back to 500.
      expect(expandAssignments(desired)).toHaveLength(500);
      console.info(`500 assignments imported as ${desired.assignments.length} assignment rules`);

      const { plan } = await withBackend((b) => planAgainst(b, desired));
      expect(summary(plan)).toEqual([]);
      expect(isEmptyPlan(plan)).toBe(true);
      imported = desired;
    },
    STEP_TIMEOUT,
  );
});

describe('lint: orgops lint on the imported organization names every seeded smell', () => {
  it('finds the misspelt action, the inline * admin, the SCP near its size limit, the user assignments and the long admin session', async () => {
    const desired = desiredConfig();
    if (!importedConfig) throw new Error('the import phase did not produce a config');
    const started = performance.now();
    const { findings } = await lintConfig({ config: importedConfig, desired });
    console.info(
      `linted 201 accounts in ${((performance.now() - started) / 1000).toFixed(1)} s: ${findings.length} findings`,
    );
    const of = (rule: string) => findings.filter((f) => f.rule === rule);
    expect(of('unknown-action').map((f) => f.value)).toContain(SEEDED_SMELLS.misspeltAction);
    expect(of('unknown-action').find((f) => f.value === SEEDED_SMELLS.misspeltAction)?.subject.key).toBe(
      'policy:SERVICE_CONTROL_POLICY/deny-cloudtrail-changes',
    );
    expect(of('inline-admin-wildcard').map((f) => f.subject.key)).toEqual([
      `permission-set:${SEEDED_SMELLS.inlineAdmin}`,
    ]);
    expect(of('policy-near-size-limit').map((f) => f.subject.key)).toEqual([
      `policy:SERVICE_CONTROL_POLICY/${SEEDED_SMELLS.nearLimitPolicy}`,
    ]);
    expect(
      of('assignment-to-user')
        .map((f) => f.value)
        .sort(),
    ).toEqual([...SEEDED_SMELLS.users]);
    expect(of('long-admin-session').map((f) => f.subject.key)).toEqual([
      `permission-set:${SEEDED_SMELLS.longAdminSession}`,
    ]);
    // The hidden admin reaches security accounts through carol's Support grant.
    expect(of('admin-in-sensitive-account').map((f) => f.subject.key)).toContain(
      'assignment:USER:carol:Support',
    );
    // Every finding points at the generated file and line it is about.
    for (const f of findings) expect(f.site?.file, `${f.rule} ${f.path}`).toMatch(/brownfield-\d+\//);
  });
});

describe('read cost for 200 accounts, 20 OUs, 31 SCPs, 10 permission sets, 18 principals, 500 assignments', () => {
  /*
   * Derivation (production page sizes: 20 for Organizations, 100 for Identity Center):
   * - ListOrganizationalUnitsForParent: one per parent (root + 20 OUs). ListAccountsForParent: one
   *   per parent + a second page for the five OUs holding more than 20 accounts (Prod/Payments 30,
   *   Prod/Shop 30, Dev/Payments 25, Dev/Shop 25, Teams 26); those name every account, so there is
   *   no ListAccounts (it cost 11 calls, ceil(201 / 20), until the reader dropped it).
   * - ListTagsForResource: every OU, account and customer policy (20 + 201 + 30); AWS has no
   *   batch tag read. DescribePolicy: the 30 customer SCPs (AWS-managed content is known).
   * - ListPolicies ceil(31 / 20) = 2; ListTargetsForPolicy one per policy (moto never pages it;
   *   on AWS FullAWSAccess's 222 targets would take 12 pages, 11 more calls).
   * - Per permission set (10): Describe, inline, managed, CMP, boundary, tags, provisioned
   *   accounts and the outdated filter (so 20 of those).
   * - Assignments per principal: 13 groups + 5 users, plus a second page for Auditors' 200.
   * - ListUsers 1 names every user, so no DescribeUser is needed for the assigned ones.
   */
  const PINNED = {
    'identitystore:ListGroups': 1,
    'identitystore:ListUsers': 1,
    'organizations:DescribeOrganization': 1,
    'organizations:DescribePolicy': 30,
    'organizations:ListAWSServiceAccessForOrganization': 1,
    'organizations:ListAccountsForParent': 26,
    'organizations:ListDelegatedAdministrators': 1,
    'organizations:ListDelegatedServicesForAccount': 1,
    'organizations:ListOrganizationalUnitsForParent': 21,
    'organizations:ListPolicies': 2,
    'organizations:ListRoots': 1,
    'organizations:ListTagsForResource': 251,
    'organizations:ListTargetsForPolicy': 31,
    'sso-admin:DescribePermissionSet': 10,
    'sso-admin:GetInlinePolicyForPermissionSet': 10,
    'sso-admin:GetPermissionsBoundaryForPermissionSet': 10,
    // The seed provisions every permission set to the management account without an assignment
    // there (a moto workaround, see seed-brownfield.ts); the reader looks at such pairs for the
    // assignments of deleted principals, which no principal listing returns.
    'sso-admin:ListAccountAssignments': 10,
    'sso-admin:ListAccountAssignmentsForPrincipal': 19,
    'sso-admin:ListAccountsForProvisionedPermissionSet': 20,
    'sso-admin:ListCustomerManagedPolicyReferencesInPermissionSet': 10,
    'sso-admin:ListInstances': 1,
    'sso-admin:ListManagedPoliciesInPermissionSet': 10,
    'sso-admin:ListPermissionSets': 1,
    'sso-admin:ListTagsForResource': 10,
    // the account quota, for the plan-time check: never raised, so the default is read too
    'service-quotas:GetServiceQuota': 1,
    'service-quotas:GetAWSDefaultServiceQuota': 1,
  };

  it(
    'pins the calls per operation and uses far fewer than a naive per-account scan',
    async () => {
      const { stats, ms } = await withBackend(async (b) => {
        const started = performance.now();
        await read(b);
        return { stats: b.stats(), ms: performance.now() - started };
      });
      expect(stats.calls).toEqual(PINNED);
      expect(stats.total).toBe(481);
      expect(stats.totalRetries).toBe(0);

      const cost = compareWithNaive(stats.calls, {
        accounts: 201,
        ous: 20,
        permissionSets: 10,
        enabledPolicyTypes: 1,
      });
      console.info(
        `read of the 200-account organization: ${stats.total} calls in ${(ms / 1000).toFixed(2)} s against moto (rateScale 1000)\n${costTable(cost)}`,
      );
      expect(cost.rows.map((r) => [r.question, r.readerCalls, r.naiveCalls])).toEqual([
        ['assignments', 31, 2010],
        ['attachments', 31, 222],
        ['placement', 26, 11 + 201],
      ]);
      // The naive reader replaces these three questions' calls (and the 10 pairs no principal
      // explains are part of its per-pair scan).
      expect(cost.total).toEqual({ reader: 481, naive: 481 - 10 - 19 - 31 - 26 + 2010 + 222 + 11 + 201 });
      for (const row of cost.rows) expect(row.readerCalls * 5).toBeLessThan(row.naiveCalls);
      expect(cost.total.reader * 5).toBeLessThan(cost.total.naive);
      // The read is bounded by ListTagsForResource (10/s); the naive one by sso-admin's shared 20/s.
      expect(cost.floorSeconds.naive).toBeGreaterThan(cost.floorSeconds.reader * 3);
      expect(ms).toBeLessThan(60_000);
    },
    STEP_TIMEOUT,
  );
});

describe('drift: console edits are reported with their class, then applied away', () => {
  it(
    'reports a move, a detached SCP, an edited SCP, a retag, an added and a deleted assignment, a session duration and an unmanaged OU',
    async () => {
      const desired = desiredConfig();
      const expected = await editLikeAConsoleUser(consoleUser, seeded);

      await withBackend(async (b) => {
        const { plan } = await planAgainst(b, desired);
        const drift = classifyDrift(plan);
        console.info(`drift report:\n  ${drift.map((d) => `${d.class}: ${d.description}`).join('\n  ')}`);
        const got = drift.map((d): ExpectedDrift => ({ change: d.remedy, class: d.class }));
        expect(got.sort(byChange)).toEqual([...expected].sort(byChange));
        expect(drift.find((d) => d.address === 'account/dev-shop-03@example.com')?.description).toBe(
          'dev-shop-03 was moved from /Workloads/Dev/Shop to /Workloads/Staging/Shop',
        );
        expect(drift.find((d) => d.address === 'permission-set/ReadOnly')?.description).toBe(
          'ReadOnly was edited (sessionDuration)',
        );

        // moto answers ProvisionPermissionSet and the assignment requests SUCCEEDED at once, so the
        // status polling is not exercised here (moto-gaps.mock.test.ts covers IN_PROGRESS/FAILED).
        const result = await applyPlan(plan, b, APPLY_OPTIONS);
        expect(failures(result.outcomes)).toEqual([]);
        expect(result.ok).toBe(true);
        expect(result.counts).toEqual({ done: expected.length, skipped: 0, failed: 0, 'not-started': 0 });

        const after = await planAgainst(b, desired);
        expect(summary(after.plan)).toEqual([]);
        // Applied for real, not planned away: the read shows the seeded values again.
        const s = after.snapshot;
        expect(pathOf(s, s.accounts.find((a) => a.name === 'dev-shop-03')!.parentId)).toBe(
          'Workloads/Dev/Shop',
        );
        expect(s.identityCenter?.permissionSets.find((p) => p.name === 'ReadOnly')?.sessionDuration).toBe(
          'PT8H',
        );
        expect(s.ous.some((o) => o.name === 'Experiments')).toBe(false);
        expect(s.identityCenter?.assignments).toHaveLength(500);
      });
    },
    STEP_TIMEOUT,
  );
});

describe('crash part way: a write that fails past its retries stops the apply; a re-plan shows exactly the rest', () => {
  it(
    'applies 30 changes with the 12th write failing, loses nothing, and converges on the next apply',
    async () => {
      const desired = desiredConfig();
      const undo = await thirtyEdits(consoleUser, seeded);
      const first = await withBackend(async (b) => (await planAgainst(b, desired)).plan);
      const planned = summary(first);
      expect([...planned].sort()).toEqual(undo);

      // The 12th write and every retry of it answer 503 until the backend gives up (3 attempts).
      let doomed: string | undefined;
      const attempts: string[] = [];
      const fault: WriteFault = (n, operation, input) => {
        const key = `${operation} ${JSON.stringify(input)}`;
        if (n === 12) doomed = key;
        if (key !== doomed) return undefined;
        attempts.push(key);
        return {
          status: 503,
          type: 'ServiceUnavailableException',
          message: 'Service is unavailable (injected)',
        };
      };
      const crashed = await withBackend((b) => applyPlan(first, b, APPLY_OPTIONS), {
        maxAttempts: 3,
        onWrite: fault,
      });

      const done = changesWith(crashed.outcomes, 'done');
      const failed = crashed.outcomes.filter((o) => o.status === 'failed');
      const notStarted = changesWith(crashed.outcomes, 'not-started');
      console.info(
        `crash: ${done.length} done, ${failed.length} failed (${failures(failed).join('; ')}), ${notStarted.length} not started`,
      );
      expect(crashed.ok).toBe(false);
      expect(attempts).toHaveLength(3);
      // Every planned change is accounted for, in plan order.
      expect(crashed.outcomes.map((o) => `${o.change.action} ${o.address}`)).toEqual(planned);
      expect(failed).toHaveLength(1);
      expect(failed[0]!.error).toMatchObject({ code: 'ServiceUnavailableException' });
      expect(failed[0]!.error!.message).toContain('gave up after 3 attempts');
      // Writes 1-11 had started before the failure and in-flight work finishes.
      expect(done.length).toBeGreaterThanOrEqual(11);
      expect(notStarted.length).toBeGreaterThan(0);
      expect(crashed.counts).toEqual({
        done: done.length,
        skipped: 0,
        failed: 1,
        'not-started': notStarted.length,
      });

      await withBackend(async (b) => {
        const rest = (await planAgainst(b, desired)).plan;
        // Exactly what did not happen: the failed change and those never started; nothing done twice.
        const left = [...changesWith(failed, 'failed'), ...notStarted];
        expect([...summary(rest)].sort()).toEqual(left.sort());

        const resumed = await applyPlan(rest, b, APPLY_OPTIONS);
        expect(failures(resumed.outcomes)).toEqual([]);
        expect(resumed.ok).toBe(true);
        const final = (await planAgainst(b, desired)).plan;
        expect(summary(final)).toEqual([]);
        expect(isEmptyPlan(final)).toBe(true);
      });
    },
    STEP_TIMEOUT,
  );
});

const byChange = (a: ExpectedDrift, b: ExpectedDrift) => a.change.localeCompare(b.change);

const changesWith = (outcomes: readonly ChangeOutcome[], status: ChangeOutcome['status']): string[] =>
  outcomes.filter((o) => o.status === status).map((o) => `${o.change.action} ${o.address}`);

function failures(outcomes: readonly ChangeOutcome[]): string[] {
  return outcomes.filter((o) => o.status === 'failed').map((o) => `${o.address}: ${o.error?.message}`);
}
