import {
  account,
  assign,
  defineQuarantine,
  FullAWSAccess,
  group,
  organizationalUnit,
  SCP,
  serviceControlPolicy,
  trustedService,
} from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { baseConfig, baseSnapshot, codes, denyDoc, withAccount } from './oracle.test-support.ts';

const AT = '2026-11-30T10:15:00.000Z';
const TAGS = { 'orgops:quarantine-reason': 'INC-42', 'orgops:quarantined-at': AT };

/** baseConfig with a Suspended OU as the quarantine; app declared in Prod, with `app` overrides. */
function config(app: Partial<Parameters<typeof account>[0]> = {}, delegated = false) {
  const base = baseConfig();
  const root = base.root;
  const denyAll = serviceControlPolicy({ name: 'deny-all', content: denyDoc('*') });
  const suspended = organizationalUnit('Suspended', { parent: root, policies: [FullAWSAccess, denyAll] });
  const prod = base.organizationalUnits[1]!;
  const appAccount = account({
    name: 'app',
    email: 'app@example.com',
    parent: prod,
    tags: { team: 'pay' },
    ...app,
  });
  return baseConfig({
    organizationalUnits: [...base.organizationalUnits, suspended],
    accounts: [base.accounts[0]!, appAccount],
    assignments: [
      ...(base.assignments ?? []),
      assign(group('platform-admins'), base.permissionSets![0]!, [prod]),
    ],
    trustedServices: [
      trustedService('sso.amazonaws.com'),
      ...(delegated
        ? [trustedService('guardduty.amazonaws.com', { delegatedAdministrator: appAccount })]
        : []),
    ],
    quarantine: defineQuarantine({ organizationalUnit: suspended, guardrails: [denyAll] }),
  });
}

/** The base organization with Suspended (deny-all) and app moved there with `tags`; platform-admins not assigned. */
function heldSnapshot(tags: Record<string, string> = TAGS, delegated = false) {
  let suspended = '';
  const snapshot = baseSnapshot((b) => {
    suspended = b.ou('Suspended');
    b.policy(SCP, 'deny-all', denyDoc('*'), [suspended]);
    if (delegated) b.trustedService('guardduty.amazonaws.com');
  });
  const app = snapshot.accounts.find((a) => a.email === 'app@example.com')!;
  return withAccount(snapshot, app.id, { parentId: suspended, tags: { team: 'pay', ...tags } });
}

describe('oracle: the one-way door, by the same rule as the planner', () => {
  it('a held account conforms in the quarantine OU with its quarantine tags, whatever its declared parent', () => {
    expect(codes(config(), heldSnapshot())).toEqual([]);
    expect(codes(config({ quarantine: { reason: 'INC-42', at: AT } }), heldSnapshot())).toEqual([]);
    // Its quarantine tags are part of what it must carry: removing them is a discrepancy.
    expect(codes(config(), heldSnapshot({}))).toEqual([]);
    expect(
      codes(
        config({ quarantine: { reason: 'INC-42', at: AT } }),
        heldSnapshot({ 'orgops:quarantined-at': AT }),
      ),
    ).toEqual([]);
  });

  it('expects no new access into it, nor delegated administration', () => {
    expect(codes(config({}, true), heldSnapshot(TAGS, true))).toEqual([]);
  });

  it('after a release of that quarantine, the account belongs in its declared parent without the record', () => {
    expect(codes(config({ release: { reason: 'closed', quarantinedAt: AT } }), heldSnapshot())).toEqual([
      'account-placement',
      'account-tags',
      'assignment-missing',
    ]);
    // A release of another quarantine opens nothing.
    expect(
      codes(
        config({ release: { reason: 'old', quarantinedAt: '2026-01-01T00:00:00.000Z' } }),
        heldSnapshot(),
      ),
    ).toEqual([]);
  });

  it('an entry quarantines an account found elsewhere: it belongs in the quarantine OU, tagged', () => {
    const outside = baseSnapshot((b) => {
      const suspended = b.ou('Suspended');
      b.policy(SCP, 'deny-all', denyDoc('*'), [suspended]);
    });
    // Entering quarantine, it gets no new access either.
    expect(codes(config({ quarantine: { reason: 'INC-42', at: AT } }), outside)).toEqual([
      'account-placement',
      'account-tags',
    ]);
  });
});
