import {
  account,
  assign,
  group,
  organizationalUnit,
  permissionSet,
  serviceControlPolicy,
} from '../../src/index.ts';
import { addingTo } from '../../src/testing/index.ts';
import { baseline } from '../fixture.ts';
import type { RuleCase } from './case.ts';

/** Control characters as an attacker or a careless paste would put them in a name (issue 12, item 2). */
const ESC = '\u001b';
const BEL = '\u0007';
const RLO = '\u202e';

const withOu = (name: string) =>
  addingTo(baseline, 'organizationalUnits').variant((b) => organizationalUnit(name, { parent: b.root }));
const scp = (name: string, description?: string) =>
  serviceControlPolicy({
    name,
    ...(description === undefined ? {} : { description }),
    content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'kms:*', Resource: '*' }] },
  });
const listed = addingTo(baseline, 'policies').variant;
const withGroup = (name: string) => {
  const b = baseline();
  const g = group(name);
  return {
    config: b.with({ assignments: [...(b.options.assignments ?? []), assign(g, b.readOnly, [b.workloads])] }),
    site: g.site,
  };
};
const withAccount = (overrides: Partial<Parameters<typeof account>[0]>) =>
  addingTo(baseline, 'accounts').variant((b) =>
    account({ name: 'extra', email: 'aws+extra@example.com', parent: b.root, ...overrides }),
  );
const withPs = (name: string) =>
  addingTo(baseline, 'permissionSets').variant(() =>
    permissionSet({ name, managedPolicies: ['arn:aws:iam::aws:policy/ViewOnlyAccess'] }),
  );

export const nameCases: RuleCase[] = [
  {
    code: 'name-control-characters',
    name: 'OU name with ESC and BEL (they reached the terminal raw)',
    compliant: () => withOu('Workloads (EU) #2').config,
    nonCompliant: () => withOu(`Evil${ESC}[2J${BEL}`),
    path: 'organizationalUnits[/Evil\\u001b[2J\\u0007].name',
    fix: 'Remove the control characters: "Evil[2J"',
    message: /^OU name "Evil\\u001b\[2J\\u0007" contains U\+001B \(ESC\), U\+0007 \(BEL\);/,
    value: `Evil${ESC}[2J${BEL}`,
  },
  {
    code: 'name-control-characters',
    name: 'policy name with a right-to-left override',
    compliant: () => listed(scp('deny-kms')).config,
    nonCompliant: () => listed(scp(`deny-${RLO}smk`)),
    path: 'policies[deny-\\u202esmk].name',
    fix: 'Remove the control characters: "deny-smk"',
    message: /U\+202E \(RLO\)/,
  },
  {
    code: 'name-control-characters',
    name: 'policy description with ESC (line breaks are fine)',
    compliant: () => listed(scp('deny-kms', 'Denies KMS.\nAsk #platform for exceptions.')).config,
    nonCompliant: () => listed(scp('deny-kms', `Denies KMS.${ESC}]8;;https://evil.example${ESC}\\`)),
    path: 'policies[deny-kms].description',
    fix: 'Remove the control characters',
  },
  {
    code: 'name-control-characters',
    name: 'group name with BEL',
    compliant: () => withGroup('Platform Admins').config,
    nonCompliant: () => withGroup(`Platform${BEL}`),
    path: 'assignments[Platform\\u0007:ReadOnly].principal',
    fix: 'Remove the control characters: "Platform"',
  },
  {
    code: 'account-name',
    name: 'account name with ESC, named in the message without reaching the terminal',
    compliant: () => withAccount({ name: 'payments-eu' }).config,
    nonCompliant: () => withAccount({ name: `pay${ESC}[31m` }),
    path: 'accounts[pay\\u001b[31m].name',
    fix: 'e.g. "pay[31m"',
    message: /^Account name "pay\\u001b\[31m" contains U\+001B \(ESC\), outside printable ASCII/,
  },
  {
    code: 'account-email',
    name: 'email with a control character (CreateAccount takes 7-bit printable ASCII)',
    compliant: () => withAccount({ email: 'aws+extra@example.com' }).config,
    nonCompliant: () => withAccount({ email: `aws+extra${BEL}@example.com` }),
    path: 'accounts[extra].email',
    fix: 'Use a plain address',
    message: /email "aws\+extra\\u0007@example.com"/,
  },
  {
    code: 'permission-set-name',
    name: 'permission set name with ESC',
    compliant: () => withPs('Read-Only').config,
    nonCompliant: () => withPs(`Admin${ESC}`),
    path: 'permissionSets[Admin\\u001b].name',
    fix: 'e.g. "Admin-"',
    message: /contains U\+001B \(ESC\); only letters/,
  },
  {
    code: 'tag-value',
    name: 'tag value with BEL',
    compliant: () => withAccount({ tags: { team: 'payments' } }).config,
    nonCompliant: () => withAccount({ tags: { team: `payments${BEL}` } }),
    path: 'accounts[extra].tags.team',
    fix: 'e.g. "payments-"',
    message: /value "payments\\u0007" contains U\+0007 \(BEL\)/,
  },
];
