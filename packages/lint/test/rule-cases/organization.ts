import {
  account,
  assign,
  FullAWSAccess,
  organizationalUnit,
  permissionSet,
  resourceControlPolicy,
  serviceControlPolicy,
  user,
  waive,
} from '@orgops/model';
import { variantPair } from '@orgops/model/testing';
import { BREAK_GLASS, denyWithExemption, lintBaseline } from '../fixture.ts';
import type { LintCase } from './case.ts';

/** An SCP whose minified text is `chars` long: one Deny with a long Sid (Sids count). */
function scpOfSize(chars: number) {
  const doc = (sid: string) => ({
    Version: '2012-10-17' as const,
    Statement: [
      { Sid: sid, Effect: 'Deny' as const, Action: 'organizations:LeaveOrganization', Resource: '*' },
    ],
  });
  const empty = JSON.stringify(doc('')).length;
  return serviceControlPolicy({ name: 'big-guardrail', content: doc('S'.repeat(chars - empty)) });
}

function inlineOfSize(bytes: number) {
  const doc = (sid: string) => ({
    Version: '2012-10-17' as const,
    Statement: [{ Sid: sid, Effect: 'Allow' as const, Action: 's3:GetObject', Resource: '*' }],
  });
  const empty = JSON.stringify(doc('')).length;
  return permissionSet({ name: 'Reader', inlinePolicy: doc('S'.repeat(bytes - empty)) });
}

type LintBaseline = ReturnType<typeof lintBaseline>;

/** An extra OU, holding one account, with `policies` attached. */
function sandboxWith(b: LintBaseline, policies: Parameters<typeof organizationalUnit>[1]['policies']) {
  const ou = organizationalUnit('Suspended', { parent: b.root, policies });
  const acct = account({ name: 'quarantined', email: 'aws+quarantined@example.com', parent: ou });
  return {
    ou,
    acct,
    overrides: {
      organizationalUnits: [...(b.options.organizationalUnits ?? []), ou],
      accounts: [...b.options.accounts, acct],
    },
  };
}

const exemptionScp = (exempt: readonly string[]) =>
  serviceControlPolicy({
    name: 'protect-trail',
    content: denyWithExemption('cloudtrail:StopLogging', exempt),
  });

/** The quarantine SCP without the break-glass exemption. */
const denyAllUnexempt = () =>
  serviceControlPolicy({
    name: 'deny-all',
    content: {
      Version: '2012-10-17',
      Statement: [{ Sid: 'DenyAll', Effect: 'Deny', Action: '*', Resource: '*' }],
    },
  });

/** The quarantine SCP with the exemption. */
const denyAllExempt = () => serviceControlPolicy({ name: 'deny-all', content: denyWithExemption('*') });

/** An empty /Suspended OU with `denyAll` attached. */
const emptySuspended = (b: LintBaseline, denyAll: ReturnType<typeof serviceControlPolicy>) => ({
  organizationalUnits: [
    ...(b.options.organizationalUnits ?? []),
    organizationalUnit('Suspended', { parent: b.root, policies: [FullAWSAccess, denyAll] }),
  ],
});

export const organizationCases: LintCase[] = [
  {
    rule: 'policy-near-size-limit',
    name: 'an SCP at 95 % of 10,240 characters',
    ...variantPair(lintBaseline, {
      compliant: () => ({ policies: [scpOfSize(9_000)] }),
      nonCompliant: () => ({ overrides: { policies: [scpOfSize(9_800)] } }),
    }),
    path: 'policies[big-guardrail].content',
    fix: 'Split it into two policies of the same type',
    message: /is 9800 of its 10240 characters minified \(95 %\)/,
    value: 9800,
  },
  {
    rule: 'policy-near-size-limit',
    name: 'an inline policy at 92 % of its 10,240 non-whitespace bytes',
    ...variantPair(lintBaseline, {
      compliant: () => ({ permissionSets: [inlineOfSize(9_000)] }),
      nonCompliant: () => ({ overrides: { permissionSets: [inlineOfSize(9_500)] } }),
    }),
    path: 'permissionSets[Reader].inlinePolicy',
    fix: 'Move statements into a customer managed policy',
    message: /9500 of 10240 non-whitespace bytes \(92 %\)/,
  },
  {
    rule: 'baseline-guardrail-missing',
    name: 'a baseline SCP attached nowhere',
    ...variantPair(lintBaseline, {
      nonCompliant: (b) => {
        const extra = serviceControlPolicy({
          name: 'deny-root',
          content: denyWithExemption('iam:CreateUser'),
        });
        return { overrides: { policies: [extra], baseline: [b.denyLeave, extra] } };
      },
    }),
    path: 'root',
    fix: 'Attach deny-root to the root',
    message: /the root is missing the baseline SCP "deny-root" \(3 accounts below, none of them covered\)/,
    subject: 'root',
  },
  {
    rule: 'baseline-guardrail-missing',
    name: 'a baseline SCP on one OU only: the others are reported at the highest level',
    ...variantPair(lintBaseline, {
      compliant: (b) => ({ baseline: [b.denyLeave] }),
      nonCompliant: (b) => {
        const extra = serviceControlPolicy({
          name: 'deny-root',
          content: denyWithExemption('iam:CreateUser'),
        });
        const s = sandboxWith(b, [FullAWSAccess, extra]);
        return { overrides: { ...s.overrides, baseline: [extra] }, site: b.workloads.site };
      },
    }),
    path: 'organizationalUnits[/Workloads]',
    fix: 'Attach deny-root to OU /Workloads or an OU above it',
    message: /OU \/Workloads is missing the baseline SCP "deny-root" \(2 accounts below/,
    subject: 'ou:/Workloads',
  },
  {
    rule: 'exemption-wildcard',
    name: 'every Identity Center role exempt',
    ...variantPair(lintBaseline, {
      compliant: () => ({
        policies: [
          exemptionScp([
            BREAK_GLASS,
            'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_Responder_*',
          ]),
        ],
      }),
      nonCompliant: () => ({
        overrides: { policies: [exemptionScp([BREAK_GLASS, 'arn:aws:iam::*:role/AWSReservedSSO_*'])] },
      }),
    }),
    path: 'policies[protect-trail].content.Statement[0].Condition.ArnNotLike["aws:PrincipalArn"][1]',
    fix: 'Exempt named roles only',
    message: /everyone who signs in through Identity Center is exempt/,
    value: 'arn:aws:iam::*:role/AWSReservedSSO_*',
  },
  {
    rule: 'exemption-wildcard',
    name: 'a user exempt',
    ...variantPair(lintBaseline, {
      compliant: () => ({ policies: [exemptionScp([BREAK_GLASS])] }),
      nonCompliant: () => ({ overrides: { policies: [exemptionScp(['arn:aws:iam::*:user/admin'])] } }),
    }),
    path: 'policies[protect-trail].content.Statement[0].Condition.ArnNotLike["aws:PrincipalArn"][0]',
    fix: 'Exempt named roles only',
    message: /not an IAM role ARN/,
  },
  {
    rule: 'exemption-wildcard',
    name: 'a role name wildcard',
    ...variantPair(lintBaseline, {
      compliant: () => ({ policies: [exemptionScp(['arn:aws:iam::*:role/ops/break-glass'])] }),
      nonCompliant: () => ({ overrides: { policies: [exemptionScp(['arn:aws:iam::*:role/break-glass*'])] } }),
    }),
    path: 'policies[protect-trail].content.Statement[0].Condition.ArnNotLike["aws:PrincipalArn"][0]',
    fix: 'Exempt named roles only',
    message: /a wildcard in the role name/,
  },
  {
    rule: 'guardrail-lockout',
    name: 'a quarantine SCP without the break-glass exemption',
    ...variantPair(lintBaseline, {
      compliant: (b) => sandboxWith(b, [FullAWSAccess, denyAllExempt()]).overrides,
      nonCompliant: (b) => {
        const denyAll = denyAllUnexempt();
        return { overrides: sandboxWith(b, [FullAWSAccess, denyAll]).overrides, site: denyAll.site };
      },
    }),
    path: 'protectedRoles[break-glass].mustAllow[0]',
    fix: 'Exempt the role in that statement',
    message:
      /break-glass is locked out: organizations:LeaveOrganization is denied in 1 account \(quarantined\) by SCP deny-all\/DenyAll at \/Suspended/,
    subject: 'policy:SERVICE_CONTROL_POLICY/deny-all',
    value: ['quarantined'],
  },
  {
    rule: 'guardrail-lockout',
    name: 'a quarantine OU nobody is in yet: proved on the account that will be moved there',
    ...variantPair(lintBaseline, {
      compliant: (b) => emptySuspended(b, denyAllExempt()),
      nonCompliant: (b) => ({ overrides: emptySuspended(b, denyAllUnexempt()) }),
    }),
    path: 'protectedRoles[break-glass].mustAllow[1]',
    fix: 'Exempt the role in that statement',
    message:
      /s3:GetObject is denied in 1 account \(new account in \/Suspended\) by SCP deny-all\/DenyAll at \/Suspended/,
    value: ['new account in /Suspended'],
  },
  {
    rule: 'guardrail-lockout',
    name: 'an RCP that stops the management account assuming break-glass',
    ...variantPair(lintBaseline, {
      nonCompliant: (b) => {
        const noAssume = resourceControlPolicy({
          name: 'no-assume',
          content: {
            Version: '2012-10-17',
            Statement: [
              { Sid: 'NoAssume', Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*' },
            ],
          },
        });
        return { overrides: sandboxWith(b, [FullAWSAccess, noAssume]).overrides };
      },
    }),
    path: 'protectedRoles[break-glass].assumedFromManagement',
    fix: 'Exempt the role in that statement',
    message:
      /sts:AssumeRole on break-glass from the management account is denied in 1 account \(quarantined\) by RCP no-assume\/NoAssume/,
  },
  {
    rule: 'waiver-unused',
    name: 'a waiver for a finding that is gone',
    ...variantPair(lintBaseline, {
      compliant: (b) => {
        const alice = assign(user('alice'), b.readOnly, [b.dev]);
        return {
          assignments: [b.readOnlyForDevelopers, alice],
          waivers: [
            waive('assignment-to-user', alice, { reason: 'auditor on a two-week engagement, SEC-12' }),
          ],
        };
      },
      nonCompliant: (b) => {
        const w = waive('assignment-to-user', b.adminInDev, { reason: 'break-glass person, alarmed' });
        return { overrides: { waivers: [w] }, site: w.site };
      },
    }),
    path: 'waivers[0]',
    fix: 'Remove the waiver',
    message: /rule assignment-to-user reports nothing about assignment of Admin to group Platform/,
  },
  ...[
    {
      name: 'a waiver naming no rule',
      waived: 'admin-in-prod',
      on: (b: LintBaseline) => b.adminInDev,
      fix: "Use one of the rule ids in `orgops lint`'s table",
      message: /there is no lint rule "admin-in-prod"/,
    },
    {
      name: 'a waiver with a misspelt rule id',
      waived: 'long-admin-sesion',
      on: (b: LintBaseline) => b.admin,
      fix: 'Did you mean "long-admin-session"? Use one of the rule ids',
      message: /there is no lint rule "long-admin-sesion"/,
    },
  ].map(
    ({ name, waived, on, fix, message }): LintCase => ({
      rule: 'waiver-unused',
      name,
      ...variantPair(lintBaseline, {
        compliant: () => ({ waivers: [] }),
        nonCompliant: (b) => ({ overrides: { waivers: [waive(waived, on(b), { reason: 'on call' })] } }),
      }),
      path: 'waivers[0]',
      fix,
      message,
    }),
  ),
];
