import {
  account,
  accountsTagged,
  assign,
  defineOrganization,
  group,
  normalize,
  organizationalUnit,
  organizationRoot,
  permissionSet,
  user,
} from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { expandAssignments } from './expand-assignments.ts';

const root = organizationRoot({});
const work = organizationalUnit('Work', { parent: root });
const prod = organizationalUnit('Prod', { parent: work });
const other = organizationalUnit('Other', { parent: root });
const acct = (name: string, parent: Parameters<typeof account>[0]['parent'], tags = {}) =>
  account({ name, email: `${name}@example.com`, parent, tags });
const a = acct('a', prod, { team: 'pay' });
const b = acct('b', work, { team: 'shop' });
const c = acct('c', other, { team: 'pay', env: 'prod' });
const d = account({ name: 'd', email: 'd@example.com', parent: prod, close: { reason: 'gone' } });
const ps = permissionSet({ name: 'Dev' });
const ro = permissionSet({ name: 'ReadOnly' });

const expand = (assignments: Parameters<typeof defineOrganization>[0]['assignments']) =>
  expandAssignments(
    normalize(
      defineOrganization({
        policyTypes: [],
        root,
        organizationalUnits: [work, prod, other],
        accounts: [a, b, c, d],
        permissionSets: [ps, ro],
        assignments,
      }),
    ),
  ).map((t) => `${t.principalName}/${t.permissionSet}/${t.email.split('@')[0]}`);

describe('expandAssignments', () => {
  it('expands OU subtrees, tags with and without a value, and accounts, in config order', () => {
    expect(
      expand([
        assign(group('devs'), ps, [work]),
        assign(group('payers'), ro, [accountsTagged('team', 'pay')]),
        assign(group('tagged'), ro, [accountsTagged('env')]),
        assign(user('alice'), ps, [c, a]),
      ]),
    ).toEqual([
      'devs/Dev/a',
      'devs/Dev/b',
      'payers/ReadOnly/a',
      'payers/ReadOnly/c',
      'tagged/ReadOnly/c',
      'alice/Dev/a',
      'alice/Dev/c',
    ]);
  });

  it('leaves out excluded and closing accounts, and counts a triple once however many rules name it', () => {
    expect(
      expand([
        assign(group('devs'), ps, [root], { exclude: [b] }),
        assign(group('devs'), ps, [prod, a, accountsTagged('team', 'pay')]),
      ]),
    ).toEqual(['devs/Dev/a', 'devs/Dev/c']);
  });

  it('matches a tag key only when the account has it, never through the object prototype', () => {
    expect(
      expand([assign(group('devs'), ps, [accountsTagged('toString'), accountsTagged('constructor')])]),
    ).toEqual([]);
  });
});
