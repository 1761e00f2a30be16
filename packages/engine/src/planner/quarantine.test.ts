import {
  type AccountOptions,
  account,
  assign,
  defineQuarantine,
  FullAWSAccess,
  group,
  normalize,
  type OrganizationConfig,
  organizationalUnit,
  organizationRoot,
  trustedService,
} from '@orgops/model';
import {
  denyAllPolicy,
  managementIn,
  READ_ONLY_ACCESS,
  readOnlyPermissionSet,
  testOrganization,
} from '@orgops/model/testing';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analysis/analyze.ts';
import { heldAccounts } from '../analysis/held-in-quarantine.ts';
import type { Change } from '../change.ts';
import { classifyDrift } from '../drift.ts';
import { changesOf, type Plan } from '../plan.ts';
import { parsePlan, serializePlan } from '../plan-file/serialize.ts';
import { renderPlanMarkdown } from '../render/markdown.ts';
import { renderPlanText } from '../render/text.ts';
import { SnapshotBuilder } from '../testing/snapshot-builder.ts';
import { plan, planEverything } from './index.ts';

const AT = '2026-11-30T10:15:00.000Z';
const BY = 'arn:aws:sts::100000000000:assumed-role/orgops-apply/incident';
const TAGS = {
  'orgops:quarantine-reason': 'INC-42 root login',
  'orgops:quarantined-at': AT,
  'orgops:quarantined-by': BY,
};

const denyAll = denyAllPolicy();

/** Workloads/Prod with app-prod, and Suspended holding deny-all; developers get ReadOnly in Workloads. */
function org(app: Partial<AccountOptions> = {}, extra: Partial<Omit<OrganizationConfig, 'kind'>> = {}) {
  const root = organizationRoot({ policies: [FullAWSAccess] });
  const workloads = organizationalUnit('Workloads', { parent: root });
  const prod = organizationalUnit('Prod', { parent: workloads });
  const suspended = organizationalUnit('Suspended', { parent: root, policies: [FullAWSAccess, denyAll] });
  const readOnly = readOnlyPermissionSet();
  return testOrganization({
    root,
    organizationalUnits: [workloads, prod, suspended],
    accounts: [
      managementIn(root),
      account({
        name: 'app-prod',
        email: 'app-prod@example.com',
        parent: prod,
        tags: { team: 'app' },
        ...app,
      }),
    ],
    permissionSets: [readOnly],
    assignments: [assign(group('developers'), readOnly, [workloads])],
    trustedServices: [trustedService('sso.amazonaws.com')],
    quarantine: defineQuarantine({ organizationalUnit: suspended, guardrails: [denyAll] }),
    ...extra,
  });
}

/** The organization as config has it, with app-prod wherever `where` says and the given tags. */
function live(
  where: 'prod' | 'suspended',
  tags: Record<string, string> = TAGS,
  assigned: 'developers' | 'platform-admins' | 'none' = 'none',
) {
  const s = new SnapshotBuilder();
  const workloads = s.ou('Workloads');
  const prod = s.ou('Prod', workloads);
  const suspended = s.ou('Suspended');
  s.policy('SERVICE_CONTROL_POLICY', 'deny-all', denyAll.content, [suspended]);
  const app = s.account('app-prod', 'app-prod@example.com', where === 'prod' ? prod : suspended, {
    tags: { team: 'app', ...tags },
  });
  const ps = s.permissionSet('ReadOnly', { managedPolicies: [READ_ONLY_ACCESS] });
  if (assigned !== 'none') s.assignment(ps, app, `g-${assigned}`);
  return { snapshot: s.build(), ids: { workloads, prod, suspended, app } };
}

function planOf(config: OrganizationConfig, snapshot: ReturnType<typeof live>['snapshot']): Plan {
  const result = plan({
    desired: normalize(config),
    snapshot,
    toolVersion: '0.1.0',
    now: new Date(0),
    analyze: analyzePlan,
  });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
  return result.value;
}

const summary = (c: Change): string => `${c.action} ${c.address}`;

describe('the one-way door in the planner', () => {
  it('leaves a quarantined account in quarantine although config still places it in Prod, and says so', () => {
    const p = planOf(org(), live('suspended').snapshot);
    expect(changesOf(p).map(summary)).toEqual([]);
    expect(p.warnings.map((w) => w.code)).toEqual(['quarantine-not-recorded']);
    expect(p.warnings[0]?.fix).toContain(`quarantine: { reason, at: '${AT}' }`);
    const [held] = heldAccounts(p.reviewContext);
    expect(held).toMatchObject({
      name: 'app-prod',
      held: {
        reason: 'INC-42 root login',
        at: AT,
        by: BY,
        quarantinePath: '/Suspended',
        declaredPath: '/Workloads/Prod',
        problem: 'not-recorded',
        // developers' ReadOnly in Workloads is not created in the held account.
        waiting: ['group developers gets ReadOnly'],
      },
    });
    // The review places it where the plan leaves it.
    expect(p.reviewContext.desired.accounts.find((a) => a.name === 'app-prod')?.parentPath).toBe(
      '/Suspended',
    );
  });

  it('plans nothing once config records the quarantine: merging the entry changes nothing in AWS', () => {
    const p = planOf(
      org({ quarantine: { reason: 'INC-42 root login', at: AT, by: BY } }),
      live('suspended').snapshot,
    );
    expect(changesOf(p)).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(heldAccounts(p.reviewContext)[0]?.held.problem).toBeUndefined();
  });

  it('keeps the quarantine tags while config retags the account, and removes none of them', () => {
    const p = planOf(
      org({ tags: { team: 'payments' }, quarantine: { reason: 'x', at: AT } }),
      live('suspended').snapshot,
    );
    const tag = changesOf(p).find((c) => c.kind === 'account-tag');
    expect(tag?.kind === 'account-tag' && tag.tags).toEqual({
      set: { team: 'payments' },
      remove: [],
      before: { team: 'app', ...TAGS },
    });
  });

  it('moves it out only on a release of that quarantine: a high risk, and the record goes with it', () => {
    const p = planOf(
      org({ release: { reason: 'INC-42 closed', quarantinedAt: AT } }),
      live('suspended').snapshot,
    );
    const move = changesOf(p).find((c) => c.kind === 'account-move');
    expect(move).toMatchObject({
      fromPath: '/Suspended',
      toPath: '/Workloads/Prod',
      quarantine: {
        direction: 'release',
        reason: 'INC-42 closed',
        heldFor: 'INC-42 root login',
        quarantinedAt: AT,
      },
    });
    const tag = changesOf(p).find((c) => c.kind === 'account-tag');
    expect(tag?.kind === 'account-tag' && [...tag.tags.remove].sort()).toEqual(Object.keys(TAGS).sort());
    // Released: its assignments come back in the same plan.
    expect(changesOf(p).map(summary)).toContain(
      'create assignment/GROUP:developers/ReadOnly/app-prod@example.com',
    );
    expect(p.analysis.risks.map((r) => `${r.level}:${r.code}`)).toContain('high:quarantine-release');
    expect(heldAccounts(p.reviewContext)).toEqual([]);
    expect(renderPlanText(p)).toContain(
      '# RELEASE from quarantine (held since 2026-11-30T10:15:00.000Z for INC-42 root login): INC-42 closed',
    );
  });

  it('does not open for a release of another quarantine (a release left in config after an earlier one)', () => {
    const p = planOf(
      org({ release: { reason: 'INC-7 closed', quarantinedAt: '2026-01-01T00:00:00.000Z' } }),
      live('suspended').snapshot,
    );
    expect(changesOf(p).filter((c) => c.kind === 'account-move')).toEqual([]);
    expect(p.warnings.map((w) => w.code)).toEqual(['quarantine-release-mismatch']);
    expect(p.warnings[0]?.fix).toBe(
      `To end this quarantine, set release: { reason, quarantinedAt: '${AT}' }.`,
    );
  });

  it('warns when the recorded entry is of another quarantine, and holds the account as it is', () => {
    const p = planOf(
      org({ quarantine: { reason: 'old', at: '2026-01-01T00:00:00.000Z' } }),
      live('suspended').snapshot,
    );
    expect(changesOf(p)).toEqual([]);
    expect(p.warnings.map((w) => w.code)).toEqual(['quarantine-entry-outdated']);
  });

  it('quarantines through review: an entry moves the account in and tags it with the record', () => {
    const { snapshot, ids } = live('prod', {}, 'developers');
    const p = planOf(org({ quarantine: { reason: 'INC-43 (keys leaked)', at: AT, by: BY } }), snapshot);
    const changes = changesOf(p);
    expect(changes.find((c) => c.kind === 'account-move')).toMatchObject({
      fromPath: '/Workloads/Prod',
      toPath: '/Suspended',
      quarantine: { direction: 'enter', reason: 'INC-43 (keys leaked)', quarantinedAt: AT },
    });
    const tag = changes.find((c) => c.kind === 'account-tag');
    expect(tag?.kind === 'account-tag' && tag.tags.set).toEqual({
      'orgops:quarantine-reason': 'INC-43 keys leaked',
      'orgops:quarantined-at': AT,
      'orgops:quarantined-by': BY,
      'orgops:quarantined-from': ids.prod,
    });
    // The existing assignment stays (config still wants it); nothing is deleted for entering.
    expect(changes.filter((c) => c.kind === 'assignment')).toEqual([]);
    expect(p.analysis.risks.map((r) => r.code)).not.toContain('quarantine-release');
  });

  it('still deletes access config removes from a held account, and still closes it', () => {
    const { snapshot } = live('suspended', TAGS, 'platform-admins');
    const p = planOf(
      org({ quarantine: { reason: 'x', at: AT }, close: { reason: 'compromised beyond repair' } }),
      snapshot,
    );
    expect(changesOf(p).map(summary)).toEqual([
      'delete assignment/GROUP:platform-admins/ReadOnly/app-prod@example.com',
      'close account/app-prod@example.com',
    ]);
  });

  it('holds back making a held account a delegated administrator', () => {
    const p = planOf(
      org(
        { quarantine: { reason: 'x', at: AT } },
        {
          trustedServices: [trustedService('sso.amazonaws.com'), trustedService('guardduty.amazonaws.com')],
        },
      ),
      live('suspended').snapshot,
    );
    // Trusted access is enabled, but the registration waits.
    expect(changesOf(p).map(summary)).toEqual(['enable trusted-service/guardduty.amazonaws.com']);
    const cfg = org({ quarantine: { reason: 'x', at: AT } });
    const app = cfg.accounts[1]!;
    const withAdmin = planOf(
      {
        ...cfg,
        trustedServices: [
          trustedService('sso.amazonaws.com'),
          trustedService('guardduty.amazonaws.com', { delegatedAdministrator: app }),
        ],
      },
      live('suspended').snapshot,
    );
    expect(changesOf(withAdmin).map(summary)).toEqual(['enable trusted-service/guardduty.amazonaws.com']);
    expect(heldAccounts(withAdmin.reviewContext)[0]?.held.waiting).toEqual([
      'becomes delegated administrator for guardduty.amazonaws.com',
      'group developers gets ReadOnly',
    ]);
  });

  it('refuses to move an account with a quarantine record when config names no quarantine OU', () => {
    const config = org();
    const { quarantine: _dropped, ...rest } = config;
    const result = plan({
      desired: normalize(rest as OrganizationConfig),
      snapshot: live('suspended').snapshot,
      toolVersion: '0.1.0',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.code)).toEqual(['quarantine-tagged-move']);
    expect(result.errors[0]?.message).toContain('but the config names no quarantine OU');
  });

  it('lets config park an untagged account in the quarantine OU, and holds it there even then', () => {
    const { snapshot } = live('suspended', {});
    const cfg = org();
    const suspended = cfg.organizationalUnits[2]!;
    const parked = {
      ...cfg,
      accounts: [
        cfg.accounts[0]!,
        account({
          name: 'app-prod',
          email: 'app-prod@example.com',
          parent: suspended,
          tags: { team: 'app' },
        }),
      ],
    };
    const p = planOf(parked, snapshot);
    expect(changesOf(p)).toEqual([]);
    expect(heldAccounts(p.reviewContext)).toEqual([]);
    // Once there, it is held like any other: config placing it elsewhere does not move it out.
    const p2 = planOf(org(), snapshot);
    expect(changesOf(p2)).toEqual([]);
    expect(heldAccounts(p2.reviewContext)[0]?.held).toMatchObject({ problem: 'not-recorded' });
    expect(heldAccounts(p2.reviewContext)[0]?.held.reason).toBeUndefined();
    expect(renderPlanText(p2)).toContain('(no quarantine tag: moved there outside orgops)');
  });

  it('warns when a quarantined account was moved out outside orgops', () => {
    const p = planOf(org(), live('prod').snapshot);
    expect(p.warnings.map((w) => w.code)).toEqual(['quarantine-left-outside']);
  });
});

describe('held accounts in the views and in drift', () => {
  it('the review and the terminal show the hold with its reason, and drift reports config lagging behind', () => {
    const p = planOf(org(), live('suspended').snapshot);
    const md = renderPlanMarkdown(p);
    expect(md).toContain('### 🔒 Held in quarantine');
    expect(md).toContain(
      'app-prod (200000000005) held in quarantine since 2026-11-30T10:15:00.000Z by arn:aws:sts::100000000000:assumed-role/orgops-apply/incident: INC-42 root login; config places it in /Workloads/Prod, it stays in /Suspended until released',
    );
    expect(md).toContain('Waits for release: group developers gets ReadOnly');
    const text = renderPlanText(p);
    expect(text).toContain('Held in quarantine (no plan moves these out; only a release does)');
    expect(text).not.toContain('->');
    const drift = classifyDrift(p);
    expect(drift.map((d) => [d.class, d.address])).toEqual([
      ['held-in-quarantine', 'account/app-prod@example.com'],
    ]);
    // Recorded in config: held, but not drift.
    const recorded = planOf(org({ quarantine: { reason: 'x', at: AT } }), live('suspended').snapshot);
    expect(classifyDrift(recorded)).toEqual([]);
    expect(renderPlanMarkdown(recorded)).toContain('Held in quarantine');
  });

  it('drift still sees the hold when the plan has refusals', () => {
    const { snapshot } = live('suspended');
    const s = {
      ...snapshot,
      accounts: [
        ...snapshot.accounts,
        { ...snapshot.accounts[0]!, id: '999999999999', email: 'stray@example.com', name: 'stray' },
      ],
    };
    const result = planEverything({ desired: normalize(org()), snapshot: s, toolVersion: '0.1.0' });
    expect(result.refused.map((e) => e.code)).toEqual(['account-not-in-config']);
    expect(classifyDrift(result.plan, result.refused).map((d) => d.class)).toEqual([
      'not-in-config',
      'held-in-quarantine',
    ]);
  });
});

describe('a saved plan', () => {
  it('carries the hold and the release under its digests, and loading recomputes the same review', () => {
    for (const p of [
      planOf(org(), live('suspended').snapshot),
      planOf(org({ release: { reason: 'INC-42 closed', quarantinedAt: AT } }), live('suspended').snapshot),
    ]) {
      const loaded = parsePlan(serializePlan(p), 'plan.json', '0.1.0');
      if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
      expect(heldAccounts(loaded.value.reviewContext)).toEqual(heldAccounts(p.reviewContext));
      expect(loaded.value.analysis).toEqual(p.analysis);
    }
    // An edited hold is an edit like any other.
    const p = planOf(org(), live('suspended').snapshot);
    const edited = serializePlan(p).replace('"problem": "not-recorded"', '"problem": "entry-outdated"');
    expect(edited).not.toBe(serializePlan(p));
    const refused = parsePlan(edited, 'plan.json', '0.1.0');
    expect(refused.ok).toBe(false);
  });
});
