import { describe, expect, it } from 'vitest';
import {
  can,
  createSimulator,
  explainAccount,
  explainPermissionSet,
  explainPrincipal,
  parseAsker,
  resolveSubject,
} from '../src/index.ts';
import { desired } from './fixture.ts';

const sim = createSimulator(desired);

describe('explainAccount', () => {
  it('walks the chain with every statement in words, the Regions allowed, who is exempt, and who has access', () => {
    const e = explainAccount(desired, sim.identity, 'app-prod');
    expect(
      e.levels.map((l) => [
        l.label,
        l.serviceControlPolicies.map((p) => p.name),
        l.resourceControlPolicies.map((p) => p.name),
      ]),
    ).toEqual([
      ['root', ['FullAWSAccess', 'protect-trail'], ['perimeter']],
      ['/Workloads', ['FullAWSAccess', 'regions'], []],
      ['/Workloads/Prod', ['FullAWSAccess'], []],
      ['account app-prod', ['FullAWSAccess'], []],
    ]);
    expect(e.levels[0]?.serviceControlPolicies[1]?.statements.map((s) => s.sentence)).toEqual([
      'Deny cloudtrail:StopLogging (exempt: arn:aws:iam::*:role/break-glass)',
    ]);
    expect(e.levels[0]?.resourceControlPolicies[0]?.statements.map((s) => s.sentence)).toEqual([
      'Deny s3:* (exempt: AWS services, organization o-simulation00)',
    ]);
    expect(e.allowedRegions).toEqual(['eu-west-1', 'us-east-1']);
    expect(e.exemptions).toEqual([
      { principal: 'arn:aws:iam::*:role/break-glass', denies: 1 },
      { principal: 'AWS services', denies: 1 },
      { principal: 'organization o-simulation00', denies: 1 },
    ]);
    expect(e.access.map((a) => `${a.principal.name} ${a.permissionSet} ${a.level ?? '-'}`)).toEqual([
      'admins Admin admin',
      'custom Custom -',
      'viewers Viewer -',
    ]);
    expect(e.management).toBe(false);
    expect(explainAccount(desired, sim.identity, 'management').management).toBe(true);
  });
});

describe('explainPermissionSet and explainPrincipal', () => {
  it('says what a permission set grants, its paths to admin, and where it reaches', () => {
    const viewer = explainPermissionSet(desired, 'Viewer');
    expect(viewer.inlinePolicy?.statements.map((s) => s.sentence)).toEqual(['Deny secretsmanager:*']);
    expect(viewer.reach).toEqual([
      {
        principal: { type: 'GROUP', name: 'viewers' },
        accounts: [{ name: 'app-prod', ouPath: '/Workloads/Prod' }],
      },
    ]);
    expect(viewer.unread).toEqual(['ViewOnlyAccess']);
    const admin = explainPermissionSet(
      desired,
      'Admin',
      new Map([
        [
          'arn:aws:iam::aws:policy/AdministratorAccess',
          { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
        ],
      ]),
    );
    expect(admin.level).toBe('admin');
    expect(admin.escalation.map((g) => g.path)).toEqual([
      'iam-write',
      'policy-version',
      'pass-role',
      'assume-role',
      'identity-center',
      'organizations',
    ]);
    expect(() => explainPermissionSet(desired, 'Nope')).toThrow(
      /no permission set "Nope"; there are: Admin, Viewer, Custom/,
    );
  });

  it('lists what a group holds and where', () => {
    expect(
      explainPrincipal(desired, { type: 'GROUP', name: 'admins' }).access.map((a) => [
        a.permissionSet,
        a.accounts.map((x) => x.name),
      ]),
    ).toEqual([['Admin', ['management', 'vault', 'app-prod']]]);
  });
});

describe('resolveSubject', () => {
  it('reads prefixes and bare names, and says what there is when nothing matches', () => {
    expect(resolveSubject(desired, sim.identity, 'app-prod')).toEqual({ kind: 'account', ref: 'app-prod' });
    expect(resolveSubject(desired, sim.identity, '222233334444')).toEqual({
      kind: 'account',
      ref: '222233334444',
    });
    expect(resolveSubject(desired, sim.identity, 'Viewer')).toEqual({
      kind: 'permission-set',
      name: 'Viewer',
    });
    expect(resolveSubject(desired, sim.identity, 'admins')).toEqual({
      kind: 'principal',
      type: 'GROUP',
      name: 'admins',
    });
    expect(resolveSubject(desired, sim.identity, 'group:nobody')).toEqual({
      kind: 'principal',
      type: 'GROUP',
      name: 'nobody',
    });
    expect(() => resolveSubject(desired, sim.identity, 'payments')).toThrow(
      expect.objectContaining({
        code: 'explain-subject-unknown',
        message: expect.stringContaining('app-prod'),
      }),
    );
  });
});

describe('can', () => {
  it('answers for a group through each permission set it holds there, naming the deciding statement', async () => {
    const stop = await can(desired, sim, {
      asker: parseAsker('group:admins'),
      action: 'cloudtrail:StopLogging',
      account: 'app-prod',
      region: 'eu-west-1',
    });
    expect(stop.allowed).toBe(false);
    expect(stop.paths.map((p) => `${p.through}: ${p.words}`)).toEqual([
      'permission set Admin: ExplicitlyDenied: SCP protect-trail/ProtectTrail at root',
    ]);
    const role = await can(desired, sim, {
      asker: parseAsker('group:admins'),
      action: 'iam:CreateRole',
      account: 'app-prod',
    });
    expect(role.allowed).toBe(true);
    const secret = await can(desired, sim, {
      asker: parseAsker('ps:Viewer'),
      action: 'secretsmanager:GetSecretValue',
      account: 'app-prod',
    });
    expect(secret.paths[0]?.words).toBe('ExplicitlyDenied: identity policy inline/NoSecrets');
  });

  it('says why it cannot answer instead of answering no', async () => {
    const none = await can(desired, sim, {
      asker: parseAsker('group:viewers'),
      action: 's3:GetObject',
      account: 'vault',
    });
    expect(none).toMatchObject({
      allowed: false,
      paths: [],
      reason: 'group viewers holds no permission set in vault',
    });
    const custom = await can(desired, sim, {
      asker: parseAsker('group:custom'),
      action: 's3:GetObject',
      account: 'app-prod',
    });
    expect(custom.paths[0]?.words).toMatch(
      /^not simulated: permission set Custom uses customer managed policy \/team-policy/,
    );
    expect(() => parseAsker('developers')).toThrow(/write group:NAME, user:NAME, permission-set:NAME/);
  });
});
