import { describe, expect, it } from 'vitest';
import type { Change } from './change.ts';
import { classifyDrift } from './drift.ts';

const acct = { email: 'a@example.com', id: '200000000001', name: 'app' };
const plan = (changes: Change[]) => ({ phases: [{ name: 'create-ous' as const, changes }] });

describe('classifyDrift', () => {
  it('reads each change as the event that happened outside orgops', () => {
    const items = classifyDrift(
      plan([
        { kind: 'ou-delete', action: 'delete', path: '/Experiments', id: 'ou-x', address: 'ou/Experiments' },
        {
          kind: 'ou-create',
          action: 'create',
          path: '/Apps',
          name: 'Apps',
          parentPath: '/',
          tags: {},
          address: 'ou/Apps',
        },
        {
          kind: 'account-move',
          action: 'move',
          account: acct,
          fromPath: '/Sandbox',
          toPath: '/Apps',
          address: 'account/a@example.com',
        },
        {
          kind: 'permission-set-provision',
          action: 'provision',
          name: 'ReadOnly',
          accounts: [acct],
          reason: 'accounts run an outdated version (changed outside orgops)',
          address: 'provision/ReadOnly',
        },
        {
          kind: 'permission-set-provision',
          action: 'provision',
          name: 'Dev',
          accounts: [acct],
          reason: 're-provision after update',
          address: 'provision/Dev',
        },
        {
          kind: 'trusted-service',
          action: 'disable',
          servicePrincipal: 'x.amazonaws.com',
          address: 'trusted-service/x.amazonaws.com',
        },
      ]),
    );
    expect(items.map((i) => [i.class, i.description])).toEqual([
      ['created-outside', 'OU /Experiments was created'],
      ['deleted-outside', 'OU /Apps was deleted'],
      ['changed-outside', 'app was moved from /Apps to /Sandbox'],
      ['not-reprovisioned', 'ReadOnly is outdated in app'],
      ['changed-outside', 'Dev must be re-provisioned in app to undo the edit'],
      ['created-outside', 'trusted access for x.amazonaws.com was enabled'],
    ]);
  });
});
