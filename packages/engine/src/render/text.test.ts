import { describe, expect, it } from 'vitest';
import { assignment, attachment, baseDesired, GROUPS } from '../testing/index.ts';
import { ANSI_PATTERN } from './ansi.ts';
import { AWS_TARGET, emptyPlan, planOf, representativePlan } from './fixtures.test-support.ts';
import { renderPlanText } from './text.ts';

describe('renderPlanText', () => {
  it('renders the representative plan by phase with values, notes, risks, legend and summary', () => {
    expect(renderPlanText(representativePlan())).toMatchInlineSnapshot(`
      "orgops plan: SANDBOX .orgops/sandbox.json (organization o-test1234, management account 999999999999)
      ====================================================================================================
      orgops 0.1.0 · limits 2026-05-15 · planned 2026-11-23T12:00:00.000Z

      Create and update OUs
        +  ou /Workloads/Sandbox
            + tag team = "platform"

      Write policies
        +  SCP deny-root-user
            + description: No root user in member accounts
            + content:
            +   {
            +     "Statement": [
            +       {
            +         "Action": "*",
            +         "Condition": {
            +           "StringLike": {
            +             "aws:PrincipalArn": "arn:aws:iam::*:root"
            +           }
            +         },
            +         "Effect": "Deny",
            +         "Resource": "*"
            +       }
            +     ],
            +     "Version": "2012-10-17"
            +   }
        ~  SCP deny-leave-org
            + tag owner = "security"
            ~ content:
                ...
                      "Effect": "Deny",
                      "Resource": "*"
            +       },
            +       {
            +         "Action": [
            +           "cloudtrail:StopLogging",
            +           "cloudtrail:DeleteTrail"
            +         ],
            +         "Effect": "Deny",
            +         "Resource": "*"
                    }
                  ],
                ...

      Attach and detach policies
        +a SCP deny-root-user to ou /Workloads
        -a SCP deny-all from ou /Suspended

      Create accounts
        +  account billing (billing@example.com) in /Workloads/Sandbox
            + tag environment = "sandbox"

      Move and tag accounts
        -> account old-app (333333333333): /Suspended -> /Workloads/Dev
            # old-app is back in service

      Write permission sets
        +  permission set Billing
            + description: Billing console
            + session: PT1H
            + managed policy: arn:aws:iam::aws:policy/job-function/Billing
        ~  permission set ReadOnly
            ~ session: PT4H -> PT8H
            + managed policy: arn:aws:iam::aws:policy/AWSSupportAccess

      Provision permission sets
        P  permission set ReadOnly in 2 accounts
              prod-app (111111111111)
              dev-app (222222222222)
            # re-provision after update

      Create assignments
        +  group Admins -> Admin in prod-app (111111111111)
        +  group Developers -> Billing in dev-app (222222222222)

      Delete assignments
        -  group Developers -> ReadOnly in prod-app (111111111111)

      Disable policy types and trusted services
        -e trusted access for securityhub.amazonaws.com

      Risks
        HIGH   group Admins gains Admin (admin-equivalent access) in 1 production account: prod-app (111111111111) in /Workloads/Prod [admin-in-production]
        HIGH   SCP deny-all (1 Deny statement) is detached from /Suspended (0 accounts) [guardrail-removed]
        HIGH   trusted access for securityhub.amazonaws.com is disabled: Security Hub stops aggregating findings [trusted-service-disabled]
        MEDIUM account old-app (333333333333) moves /Suspended -> /Workloads/Dev (leaves a Suspended OU); inherited guardrails: + SCP deny-root-user, - SCP deny-all [account-moved]

      Warnings
        ! user alice is assigned ReadOnly directly (assignments[2]) [assignment-to-user]
          fix: assign a group that alice belongs to instead

      Symbols: + create, ~ update in place, -> move to another OU, +a attach policy, -a detach policy, P provision permission set to accounts, -e disable, - delete
      Plan: 6 to create, 2 to update, 1 to move, 1 to attach, 1 to detach, 1 to provision, 1 to disable, 1 to delete.
      "
    `);
  });

  it('renders an empty plan as "No changes" with no legend', () => {
    expect(renderPlanText(emptyPlan())).toMatchInlineSnapshot(`
      "orgops plan: SANDBOX .orgops/sandbox.json (organization o-test1234, management account 999999999999)
      ====================================================================================================
      orgops 0.1.0 · limits 2026-05-15 · planned 2026-11-23T12:00:00.000Z

      No changes. The organization matches the config.
      "
    `);
  });

  it('names an AWS target prominently, and takes a title for drift', () => {
    const text = renderPlanText(emptyPlan({ target: AWS_TARGET }), { title: 'orgops drift' });
    expect(text.split('\n').slice(0, 2)).toMatchInlineSnapshot(`
      [
        "orgops drift: AWS organization o-a1b2c3d4e5 (management account 123456789012) via aws://us-east-1 (profile org-admin)",
        "=====================================================================================================================",
      ]
    `);
  });

  it('uses ANSI colors only when asked', () => {
    const plain = renderPlanText(representativePlan(), { color: false });
    const colored = renderPlanText(representativePlan(), { color: true });
    expect(plain).not.toMatch(ANSI_PATTERN);
    expect(renderPlanText(representativePlan())).not.toMatch(ANSI_PATTERN);
    expect(colored).toMatch(ANSI_PATTERN);
    expect(colored.replace(ANSI_PATTERN, '')).toBe(plain);
  });

  it('lists only the symbols the plan uses in the legend', () => {
    const plan = planOf(
      [['attachments', attachment('detach', 'deny-all', { kind: 'ou', path: '/Suspended' })]],
      baseDesired(),
    );
    const legend = renderPlanText(plan)
      .split('\n')
      .find((l) => l.startsWith('Symbols:'));
    expect(legend).toBe('Symbols: -a detach policy');
  });

  it('prints control characters from the organization as visible escapes, never raw', () => {
    const acct = {
      email: 'x@example.com',
      id: '444444444444',
      name: 'Prod\u001b[2J\u0007\n+  account forged',
    };
    const plan = planOf(
      [
        [
          'create-ous',
          {
            kind: 'ou-create',
            action: 'create',
            address: 'ou/Evil\u001b]0;pwned\u0007',
            path: '/Evil\u001b]0;pwned\u0007',
            name: 'Evil\u001b]0;pwned\u0007',
            parentPath: '/',
            tags: { 'k\u001b': 'v' },
          },
        ],
        ['create-assignments', assignment('create', GROUPS.developers, 'ReadOnly', acct)],
      ],
      baseDesired(),
    );
    for (const color of [false, true]) {
      const text = renderPlanText(plan, { color }).replace(ANSI_PATTERN, '');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none get through.
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
      expect(text).toContain('ou /Evil\\x1b]0;pwned\\x07');
      expect(text).toContain('Prod\\x1b[2J\\x07\\n+  account forged');
      expect(text.split('\n').filter((l) => l.includes('account forged'))).toHaveLength(1);
    }
  });
});
