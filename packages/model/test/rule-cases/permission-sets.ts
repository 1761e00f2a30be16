import { type PermissionSetOptions, permissionSet } from '../../src/index.ts';
import { addingTo } from '../../src/testing/index.ts';
import { baseline } from '../fixture.ts';
import type { RuleCase } from './case.ts';

const ps = (overrides: Partial<PermissionSetOptions> = {}) =>
  permissionSet({ name: 'Extra', managedPolicies: ['arn:aws:iam::aws:policy/ViewOnlyAccess'], ...overrides });
const permissionSets = addingTo(baseline, 'permissionSets');
const withPs = permissionSets.config;
const bad = (overrides: Partial<PermissionSetOptions>) => permissionSets.variant(ps(overrides));
const arns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::aws:policy/Policy${i + 1}`);
const inline = (pad: string) => ({
  Version: '2012-10-17' as const,
  Statement: [{ Effect: 'Allow' as const, Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket/${pad}` }],
});

export const permissionSetCases: RuleCase[] = [
  {
    code: 'permission-set-name',
    name: 'name longer than 32 characters',
    compliant: () => withPs(ps({ name: 'N'.repeat(32) })),
    nonCompliant: () => bad({ name: 'N'.repeat(33) }),
    path: `permissionSets[${'N'.repeat(33)}].name`,
    fix: 'Use a name of 1–32 characters',
    message:
      /is 33 characters; IAM Identity Center allows 1–32 \(AWS limit, orgops limits table 2026-05-15\)/,
  },
  {
    code: 'permission-set-name',
    name: 'name with a space',
    compliant: () => withPs(ps({ name: 'Read_Only+=,.@-1' })),
    nonCompliant: () => bad({ name: 'Read Only' }),
    path: 'permissionSets[Read Only].name',
    fix: 'e.g. "Read-Only"',
  },
  {
    code: 'permission-set-session-duration',
    name: 'thirteen hours',
    compliant: () => withPs(ps({ sessionDuration: 'PT12H' })),
    nonCompliant: () => bad({ sessionDuration: 'PT13H' }),
    path: 'permissionSets[Extra].sessionDuration',
    fix: "from 'PT1H' to 'PT12H'",
    message: /is 13 hours; IAM Identity Center allows 1–12 hours/,
    value: 'PT13H',
  },
  {
    code: 'permission-set-session-duration',
    name: 'P1D, an ISO-8601 duration outside the range (issue 12, item 11)',
    compliant: () => withPs(ps({ sessionDuration: 'PT720M' })),
    nonCompliant: () => bad({ sessionDuration: 'P1D' }),
    path: 'permissionSets[Extra].sessionDuration',
    fix: "from 'PT1H' to 'PT12H'",
    message: /sessionDuration "P1D" is 24 hours; IAM Identity Center allows 1–12 hours \(PT1H to PT12H\)/,
    value: 'P1D',
  },

  {
    code: 'permission-set-session-duration',
    name: 'not an ISO-8601 duration',
    compliant: () => withPs(ps({ sessionDuration: 'PT1H30M' })),
    nonCompliant: () => bad({ sessionDuration: '4h' }),
    path: 'permissionSets[Extra].sessionDuration',
    fix: "e.g. 'PT4H'",
    message: /is not an ISO-8601 duration/,
  },
  {
    code: 'permission-set-session-duration',
    name: 'thirty minutes',
    compliant: () => withPs(ps({ sessionDuration: 'PT60M' })),
    nonCompliant: () => bad({ sessionDuration: 'PT30M' }),
    path: 'permissionSets[Extra].sessionDuration',
    fix: "'PT1H'",
    message: /is 0\.5 hours/,
  },
  {
    code: 'permission-set-description',
    name: 'description longer than 700 characters',
    compliant: () => withPs(ps({ description: `Zugriff für Prüfer ${'d'.repeat(680)}` })),
    nonCompliant: () => bad({ description: 'd'.repeat(701) }),
    path: 'permissionSets[Extra].description',
    fix: '700 characters of plain text',
    message: /is 701 characters; IAM Identity Center allows at most 700/,
  },
  {
    code: 'permission-set-description',
    name: 'description with an emoji and smart quotes',
    compliant: () => withPs(ps({ description: 'Read-only\taccess\n(for "auditors")' })),
    nonCompliant: () => bad({ description: 'Read-only access 🔒 for “auditors”' }),
    path: 'permissionSets[Extra].description',
    fix: 'no emoji, smart quotes',
    message: /U\+1F512, U\+201C, U\+201D/,
  },
  {
    code: 'permission-set-relay-state',
    name: 'relay state longer than 240 characters',
    compliant: () => withPs(ps({ relayState: `https://console.aws.amazon.com/${'r'.repeat(240 - 31)}` })),
    nonCompliant: () => bad({ relayState: `https://console.aws.amazon.com/${'r'.repeat(241 - 31)}` }),
    path: 'permissionSets[Extra].relayState',
    fix: 'at most 240 characters',
    message: /relayState is 241 characters/,
  },
  {
    code: 'permission-set-inline-policy-size',
    name: 'more than 10,240 non-whitespace bytes',
    compliant: () => withPs(ps({ inlinePolicy: inline('k'.repeat(10_000)) })),
    nonCompliant: () => bad({ inlinePolicy: inline('k'.repeat(10_240)) }),
    path: 'permissionSets[Extra].inlinePolicy',
    fix: 'Move statements into a customer-managed policy',
    message:
      /non-whitespace bytes; IAM Identity Center allows 10240 \(AWS limit, orgops limits table 2026-05-15\)/,
  },
  {
    code: 'permission-set-inline-policy-size',
    name: 'more than 32,768 bytes in total',
    compliant: () => withPs(ps({ inlinePolicy: inline(' '.repeat(32_000)) })),
    nonCompliant: () => bad({ inlinePolicy: inline(' '.repeat(32_768)) }),
    path: 'permissionSets[Extra].inlinePolicy',
    fix: 'drop Sid values',
    message: /bytes; IAM Identity Center allows 32768/,
  },
  {
    code: 'permission-set-managed-policy-count',
    name: '20 AWS-managed and 6 customer-managed policies',
    compliant: () =>
      withPs(
        ps({
          managedPolicies: arns(20),
          customerManagedPolicies: [1, 2, 3, 4, 5].map((i) => ({ name: `cmp-${i}` })),
        }),
      ),
    compliantAllows: ['permission-set-iam-role-policy-quota'],
    nonCompliant: () =>
      bad({
        managedPolicies: arns(20),
        customerManagedPolicies: [1, 2, 3, 4, 5, 6].map((i) => ({ name: `cmp-${i}` })),
      }),
    path: 'permissionSets[Extra].managedPolicies',
    fix: 'Attach at most 25',
    message:
      /26 managed policies \(20 AWS-managed, 6 customer-managed\); IAM Identity Center allows at most 25/,
    value: 26,
  },
  {
    code: 'permission-set-iam-role-policy-quota',
    name: 'eleven managed policies',
    compliant: () => withPs(ps({ managedPolicies: arns(10) })),
    nonCompliant: () => bad({ managedPolicies: arns(11) }),
    path: 'permissionSets[Extra].managedPolicies',
    fix: 'raise the IAM quota "Managed policies per role"',
    message: /IAM's default quota is 10 managed policies per role/,
    value: 11,
  },
  {
    code: 'permission-set-managed-policy-arn',
    name: 'customer-managed policy ARN in managedPolicies',
    compliant: () =>
      withPs(ps({ managedPolicies: ['arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess'] })),
    nonCompliant: () => bad({ managedPolicies: ['arn:aws:iam::123456789012:policy/teams/payments-deploy'] }),
    path: 'permissionSets[Extra].managedPolicies[0]',
    fix: "customerManagedPolicies: [{ name: 'payments-deploy', path: '/teams/' }]",
    value: 'arn:aws:iam::123456789012:policy/teams/payments-deploy',
  },
  {
    code: 'permission-set-managed-policy-arn',
    name: 'permissions boundary that is not an ARN',
    compliant: () =>
      withPs(ps({ permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' } })),
    nonCompliant: () => bad({ permissionsBoundary: { managedPolicyArn: 'PowerUserAccess' } }),
    path: 'permissionSets[Extra].permissionsBoundary.managedPolicyArn',
    fix: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
  },
  {
    code: 'permission-set-conflicting-definitions',
    name: 'two ReadOnly permission sets with different session durations',
    compliant: () =>
      withPs(
        permissionSet({
          name: 'ReadOnly',
          description: 'Read-only access to every service',
          sessionDuration: 'PT240M',
          managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        }),
      ),
    nonCompliant: () =>
      bad({
        name: 'ReadOnly',
        description: 'Read-only access to every service',
        sessionDuration: 'PT8H',
        managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      }),
    path: 'permissionSets[ReadOnly]',
    fix: 'Define the permission set once',
  },
];
