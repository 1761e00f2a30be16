import {
  checkConformance,
  formatDiscrepancy,
  heldAccounts,
  isEmptyPlan,
  planQuarantine,
} from '@orgops/engine';
import { applyQuarantine, readQuarantineFacts } from '@orgops/live';
import {
  type AccountOptions,
  account,
  assign,
  defineQuarantine,
  FullAWSAccess,
  group,
  normalize,
  organizationalUnit,
  organizationRoot,
  trustedService,
} from '@orgops/model';
import {
  denyAllPolicy,
  denyAllResourcesPolicy,
  managementIn,
  readOnlyPermissionSet,
  testOrganization,
} from '@orgops/model/testing';
import { describe, expect, it } from 'vitest';
import { createSandbox, type SandboxBackend } from '../src/index.ts';
import { applyFor, converge, planFor, summary } from './e2e-helpers.ts';
import { truthSnapshot } from './truth-snapshot.ts';

const denyAll = denyAllPolicy();
const denyResources = denyAllResourcesPolicy();

function org(app: Partial<AccountOptions> = {}) {
  const root = organizationRoot({ policies: [FullAWSAccess] });
  const prod = organizationalUnit('Prod', { parent: root });
  const suspended = organizationalUnit('Suspended', {
    parent: root,
    policies: [FullAWSAccess, denyAll, denyResources],
  });
  const readOnly = readOnlyPermissionSet();
  return testOrganization({
    policyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
    root,
    organizationalUnits: [prod, suspended],
    accounts: [
      managementIn(root),
      account({ name: 'app-prod', email: 'app-prod@example.com', parent: prod, ...app }),
    ],
    permissionSets: [readOnly],
    assignments: [assign(group('developers'), readOnly, [prod])],
    trustedServices: [trustedService('sso.amazonaws.com')],
    quarantine: defineQuarantine({ organizationalUnit: suspended, guardrails: [denyAll, denyResources] }),
  });
}

const NOW = new Date('2026-11-30T10:15:00.000Z');

/** The organization's state, without the sandbox's clock (reads advance it). */
const stateOf = (sb: SandboxBackend) => ({ ...sb.exportState(), tick: 0 });

async function quarantine(sb: SandboxBackend, query: string, reason = 'INC-42 root login') {
  const desired = normalize(org());
  const caller = (await sb.callerIdentity()).arn;
  const facts = await readQuarantineFacts(sb, desired.quarantine!, query, caller);
  const plan = planQuarantine(facts, { reason, now: NOW });
  const result = await applyQuarantine(sb, plan);
  return { facts, plan, result };
}

async function parentOf(sb: SandboxBackend, name: string): Promise<string> {
  const a = (await sb.organizations.listAccounts()).find((x) => x.name === name)!;
  const parent = (await sb.organizations.listParents(a.id))[0]!.id;
  const ous = await sb.organizations.listOrganizationalUnitsForParent('r-sbx0');
  return ous.find((o) => o.id === parent)?.name ?? parent;
}

describe('quarantine against the sandbox', () => {
  it('reads with a handful of calls, moves, guards and tags, and changes nothing the second time', async () => {
    const sb = createSandbox();
    await converge(sb, org());
    // Someone detached the RCP from Suspended: the quarantine puts it back before moving anything in.
    const suspendedId = (await sb.organizations.listOrganizationalUnitsForParent('r-sbx0')).find(
      (o) => o.name === 'Suspended',
    )!.id;
    const rcp = (await sb.organizations.listPolicies('RESOURCE_CONTROL_POLICY')).find(
      (p) => p.name === 'deny-all-resource-access',
    )!;
    await sb.organizations.detachPolicy(rcp.id, suspendedId);

    sb.resetStats();
    const first = await quarantine(sb, 'app-prod');
    expect(first.result.ok).toBe(true);
    expect(first.result.outcomes.map((o) => `${o.step.kind}:${o.status}`)).toEqual([
      'attach-guardrail:done',
      'move-account:done',
      'tag-account:done',
    ]);
    // The read is a fixed, small number of calls, whatever the size of the organization.
    expect(sb.stats().calls).toEqual({
      'organizations:DescribeOrganization': 1,
      'organizations:ListRoots': 1,
      'organizations:ListAccounts': 1,
      'organizations:ListParents': 1,
      'organizations:ListTagsForResource': 1,
      'organizations:ListOrganizationalUnitsForParent': 1,
      'organizations:ListPoliciesForTarget': 2,
      'organizations:ListPolicies': 1,
      'organizations:AttachPolicy': 1,
      'organizations:MoveAccount': 1,
      'organizations:TagResource': 1,
    });
    expect(await parentOf(sb, 'app-prod')).toBe('Suspended');
    const app = (await sb.organizations.listAccounts()).find((a) => a.name === 'app-prod')!;
    expect(await sb.organizations.listTagsForResource(app.id)).toMatchObject({
      'orgops:quarantine-reason': 'INC-42 root login',
      'orgops:quarantined-at': NOW.toISOString(),
      'orgops:quarantined-by': 'arn:aws:iam::100000000000:user/sandbox',
    });
    expect(
      (await sb.organizations.listPoliciesForTarget(suspendedId, 'RESOURCE_CONTROL_POLICY')).map(
        (p) => p.name,
      ),
    ).toContain('deny-all-resource-access');

    const before = stateOf(sb);
    const second = await quarantine(sb, app.id, 'another reason');
    expect(second.plan.steps).toEqual([]);
    expect(second.plan.wasQuarantined).toBe(true);
    expect(second.plan.entry.reason).toBe('INC-42 root login');
    expect(stateOf(sb)).toEqual(before);
  });

  it('refuses the management account before changing anything', async () => {
    const sb = createSandbox();
    await converge(sb, org());
    const before = stateOf(sb);
    await expect(quarantine(sb, 'aws-management@example.com')).rejects.toMatchObject({
      code: 'quarantine-management-account',
    });
    expect(stateOf(sb)).toEqual(before);
  });

  it('moves the account from wherever it went meanwhile', async () => {
    const sb = createSandbox();
    await converge(sb, org());
    const desired = normalize(org());
    const facts = await readQuarantineFacts(sb, desired.quarantine!, 'app-prod', 'arn:test');
    const plan = planQuarantine(facts, { reason: 'INC-42', now: NOW });
    // Between the read and the move, someone moves it to the root.
    await sb.organizations.moveAccount(facts.account.id, facts.account.parentId, 'r-sbx0');
    const result = await applyQuarantine(sb, plan);
    expect(result.ok).toBe(true);
    expect(result.outcomes.find((o) => o.step.kind === 'move-account')?.note).toBe(
      'it had moved to r-sbx0 meanwhile',
    );
    expect(await parentOf(sb, 'app-prod')).toBe('Suspended');
  });

  it('a plan and an apply from config that still places it in Prod leave it in quarantine; only a release moves it out', async () => {
    const sb = createSandbox();
    await converge(sb, org());
    await quarantine(sb, 'app-prod');

    const p = await planFor(sb, org());
    expect(summary(p)).toEqual([]);
    expect(p.warnings.map((w) => w.code)).toEqual(['quarantine-not-recorded']);
    expect(heldAccounts(p.reviewContext).map((a) => a.name)).toEqual(['app-prod']);
    const applied = await applyFor(sb, p);
    expect(applied.ok).toBe(true);
    expect(await parentOf(sb, 'app-prod')).toBe('Suspended');
    // The independent oracle, by the same door, agrees the organization matches the config.
    const conform = (config: ReturnType<typeof org>) =>
      checkConformance(normalize(config), truthSnapshot(sb.exportState())).map(formatDiscrepancy);
    expect(conform(org())).toEqual([]);

    // The config change the command writes: merging it changes nothing.
    const recorded = org({ quarantine: { reason: 'INC-42 root login', at: NOW.toISOString() } });
    expect(isEmptyPlan(await planFor(sb, recorded))).toBe(true);

    // A release that names another quarantine changes nothing either.
    expect(
      isEmptyPlan(
        await planFor(sb, org({ release: { reason: 'old', quarantinedAt: '2026-01-01T00:00:00.000Z' } })),
      ),
    ).toBe(true);

    const release = org({ release: { reason: 'INC-42 closed', quarantinedAt: NOW.toISOString() } });
    const out = await planFor(sb, release);
    expect(summary(out)).toEqual([
      'place-accounts: move account/app-prod@example.com',
      'place-accounts: tag account/app-prod@example.com',
    ]);
    expect(conform(release)).toEqual([
      expect.stringMatching(/^account-placement at account app-prod/),
      expect.stringMatching(/^account-tags at account app-prod/),
    ]);
    await converge(sb, release);
    expect(conform(release)).toEqual([]);
    expect(await parentOf(sb, 'app-prod')).toBe('Prod');
    const app = (await sb.organizations.listAccounts()).find((a) => a.name === 'app-prod')!;
    expect(Object.keys(await sb.organizations.listTagsForResource(app.id))).toEqual([]);
  });
});
