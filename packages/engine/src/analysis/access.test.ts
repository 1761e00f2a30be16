import { describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import {
  ACCOUNTS,
  assignment,
  baseDesired,
  baseSnapshot,
  GROUPS,
  permissionSetUpdate,
} from '../testing/index.ts';
import { analyzePlan } from './analyze.ts';

const analyze = (changes: readonly Change[], desired = baseDesired(), snapshot = baseSnapshot()) =>
  analyzePlan({ changes, desired, snapshot });

describe('access analysis', () => {
  it('groups assignment creates into one gains row per principal and permission set, with OU paths', () => {
    const { access } = analyze([
      assignment('create', GROUPS.admins, 'Admin', ACCOUNTS.prod),
      assignment('create', GROUPS.admins, 'Admin', ACCOUNTS.dev),
    ]);
    expect(access).toEqual([
      {
        effect: 'gains',
        principal: GROUPS.admins,
        permissionSet: 'Admin',
        accounts: [
          { ...ACCOUNTS.dev, ouPath: '/Workloads/Dev' },
          { ...ACCOUNTS.prod, ouPath: '/Workloads/Prod' },
        ],
        grants: 'AdministratorAccess, 1h sessions',
        addresses: [
          'assignment/GROUP:Admins/Admin/prod-app@example.com',
          'assignment/GROUP:Admins/Admin/dev-app@example.com',
        ],
      },
    ]);
  });

  it('lists gains before loses, and keeps different principals apart', () => {
    const { access } = analyze([
      assignment('delete', GROUPS.developers, 'ReadOnly', ACCOUNTS.prod),
      assignment('create', GROUPS.alice, 'ReadOnly', ACCOUNTS.prod),
    ]);
    expect(access.map((r) => [r.effect, r.principal.name, r.permissionSet])).toEqual([
      ['gains', 'alice', 'ReadOnly'],
      ['loses', 'Developers', 'ReadOnly'],
    ]);
  });

  it('shows an account in the OU it has after the plan', () => {
    const desired = baseDesired();
    const moved = {
      ...desired,
      accounts: desired.accounts.map((a) => ({ ...a, parentPath: '/Workloads/Prod' })),
    };
    const { access } = analyze([assignment('create', GROUPS.admins, 'Admin', ACCOUNTS.old)], moved);
    expect(access[0]?.accounts).toEqual([{ ...ACCOUNTS.old, ouPath: '/Workloads/Prod' }]);
  });

  it('falls back to the snapshot OU chain for accounts not in config', () => {
    const desired = { ...baseDesired(), accounts: [] };
    const { access } = analyze([assignment('create', GROUPS.admins, 'Admin', ACCOUNTS.dev)], desired);
    expect(access[0]?.accounts).toEqual([{ ...ACCOUNTS.dev, ouPath: '/Workloads/Dev' }]);
  });

  it('gives every current holder of an updated permission set a changed row with details in words', () => {
    const update = permissionSetUpdate(
      'ReadOnly',
      {
        sessionDuration: 'PT4H',
        managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        inlinePolicy:
          '{"Statement":[{"Action":"s3:Get*","Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}',
      },
      {
        sessionDuration: 'PT8H',
        managedPolicies: [
          'arn:aws:iam::aws:policy/ReadOnlyAccess',
          'arn:aws:iam::aws:policy/AdministratorAccess',
        ],
        inlinePolicy:
          '{"Statement":[{"Action":"ec2:Describe*","Effect":"Allow","Resource":"*"},{"Action":"kms:Decrypt","Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}',
      },
    );
    const { access } = analyze([update]);
    expect(access).toEqual([
      {
        effect: 'changed',
        principal: GROUPS.developers,
        permissionSet: 'ReadOnly',
        accounts: [
          { ...ACCOUNTS.dev, ouPath: '/Workloads/Dev' },
          { ...ACCOUNTS.prod, ouPath: '/Workloads/Prod' },
        ],
        details: [
          'session 4h -> 8h',
          '+ managed policy AdministratorAccess',
          'inline policy changed: +2 statements, -1 statement',
        ],
        grants: 'ReadOnlyAccess, AdministratorAccess, inline policy, 8h sessions',
        addresses: ['permission-set/ReadOnly'],
      },
    ]);
  });

  it('leaves holders who lose the permission set in the same plan out of the changed rows', () => {
    const update = permissionSetUpdate('ReadOnly', { sessionDuration: 'PT4H' }, { sessionDuration: 'PT2H' });
    const { access } = analyze([update, assignment('delete', GROUPS.developers, 'ReadOnly', ACCOUNTS.prod)]);
    const changed = access.find((r) => r.effect === 'changed');
    expect(changed?.accounts.map((a) => a.name)).toEqual(['dev-app']);
    expect(changed?.details).toEqual(['session 4h -> 2h']);
  });

  it('names a principal by its id when the snapshot does not know its name', () => {
    const snapshot = baseSnapshot();
    const ic = snapshot.identityCenter!;
    const unnamed = { ...snapshot, identityCenter: { ...ic, principals: [] } };
    const update = permissionSetUpdate('Admin', { description: 'a' }, { description: 'b' });
    const { access } = analyze([update], baseDesired(), unnamed);
    expect(access.map((r) => [r.principal.name, r.details])).toEqual([['g-admins', ['description changed']]]);
  });
});
