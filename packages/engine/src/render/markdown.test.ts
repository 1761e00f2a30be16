import { describe, expect, it } from 'vitest';
import { assignment, baseDesired, GROUPS } from '../testing/index.ts';
import { ANSI_PATTERN } from './ansi.ts';
import { emptyPlan, planOf, representativePlan } from './fixtures.test-support.ts';
import { renderPlanMarkdown } from './markdown.ts';
import { cellsPerRow, rawHtmlTags, scannedText, toHtml } from './markdown-html.test-support.ts';

describe('renderPlanMarkdown', () => {
  it('leads with risks and access, then guardrails, warnings and the collapsed full plan', () => {
    expect(renderPlanMarkdown(representativePlan())).toMatchInlineSnapshot(`
      "## orgops plan: SANDBOX .orgops/sandbox.json (organization o-test1234, management account 999999999999)

      **Plan: 6 to create, 2 to update, 1 to move, 1 to attach, 1 to detach, 1 to provision, 1 to disable, 1 to delete.** Risks: 3 high, 1 medium.

      ### Risks

      - 🔴 **High** group Admins gains Admin (admin-equivalent access) in 1 production account: prod-app (111111111111) in /Workloads/Prod \`admin-in-production\`
      - 🔴 **High** SCP deny-all (1 Deny statement) is detached from /Suspended (0 accounts) \`guardrail-removed\`
      - 🔴 **High** trusted access for securityhub.amazonaws.com is disabled: Security Hub stops aggregating findings \`trusted-service-disabled\`
      - 🟠 **Medium** account old-app (333333333333) moves /Suspended -> /Workloads/Dev (leaves a Suspended OU); inherited guardrails: + SCP deny-root-user, - SCP deny-all \`account-moved\`

      ### Access changes

      **Gains access**

      | Principal | Permission set | Accounts | Grants |
      | --- | --- | --- | --- |
      | group \`Admins\` | \`Admin\` | prod-app (111111111111) in \`/Workloads/Prod\` | AdministratorAccess, 1h sessions |
      | group \`Developers\` | \`Billing\` | dev-app (222222222222) in \`/Workloads/Dev\` | Billing, 1h sessions |

      **Loses access**

      | Principal | Permission set | Accounts |
      | --- | --- | --- |
      | group \`Developers\` | \`ReadOnly\` | prod-app (111111111111) in \`/Workloads/Prod\` |

      **Access changes for current holders**

      | Principal | Permission set | Accounts | What changes | Grants after |
      | --- | --- | --- | --- | --- |
      | group \`Developers\` | \`ReadOnly\` | dev-app (222222222222) in \`/Workloads/Dev\` | session 4h -> 8h<br>\\+ managed policy AWSSupportAccess | ReadOnlyAccess, AWSSupportAccess, 8h sessions |

      ### Guardrail changes

      | Target | Accounts below | Change |
      | --- | --- | --- |
      | \`/\` | 4 | ✏️ change SCP \`deny-leave-org\`: \\+1 statement (Deny cloudtrail:StopLogging, cloudtrail:DeleteTrail) |
      | \`/Suspended\` | 0 | ➖ detach SCP \`deny-all\`: SCP, 1 statement: Deny \\* |
      | \`/Workloads\` | 4 | ➕ attach SCP \`deny-root-user\`: SCP, 1 statement: Deny \\* for arn:aws:iam::\\*:root |

      ### Where the changes land

      \`\`\`mermaid
      flowchart TD
        classDef changed fill:#fff8c5,stroke:#9a6700
        classDef added fill:#e6ffec,stroke:#1a7f37
        o0["root<br/>~ SCP deny-leave-org"]:::changed
        o1["Suspended<br/>#8722; SCP deny-all"]:::changed
        o2["Workloads<br/>+ SCP deny-root-user"]:::changed
        o3["Dev"]
        a3(["1 account<br/>dev-app"])
        o4["Prod"]
        a4(["1 account<br/>prod-app"])
        o5["Sandbox"]:::added
        o0 --> o1
        o0 --> o2
        o2 --> o3
        o3 --> a3
        o2 --> o4
        o4 --> a4
        o2 --> o5
        o1 -.->|"moves old-app"| o3
      \`\`\`

      ### Warnings

      - ⚠️ user alice is assigned ReadOnly directly (\`assignments[2]\`) Fix: assign a group that alice belongs to instead \`assignment-to-user\`

      <details><summary>Full plan: 14 changes</summary>

      \`\`\`diff
      # Create and update OUs
      +  ou /Workloads/Sandbox
      +     tag team = "platform"

      # Write policies
      +  SCP deny-root-user
      +     description: No root user in member accounts
      +     content:
      +       {
      +         "Statement": [
      +           {
      +             "Action": "*",
      +             "Condition": {
      +               "StringLike": {
      +                 "aws:PrincipalArn": "arn:aws:iam::*:root"
      +               }
      +             },
      +             "Effect": "Deny",
      +             "Resource": "*"
      +           }
      +         ],
      +         "Version": "2012-10-17"
      +       }
      ~  SCP deny-leave-org
      +     tag owner = "security"
      ~     content:
              ...
                    "Effect": "Deny",
                    "Resource": "*"
      +           },
      +           {
      +             "Action": [
      +               "cloudtrail:StopLogging",
      +               "cloudtrail:DeleteTrail"
      +             ],
      +             "Effect": "Deny",
      +             "Resource": "*"
                  }
                ],
              ...

      # Attach and detach policies
      +a SCP deny-root-user to ou /Workloads
      -a SCP deny-all from ou /Suspended

      # Create accounts
      +  account billing (billing@example.com) in /Workloads/Sandbox
      +     tag environment = "sandbox"

      # Move and tag accounts
       -> account old-app (333333333333): /Suspended -> /Workloads/Dev
            # old-app is back in service

      # Write permission sets
      +  permission set Billing
      +     description: Billing console
      +     session: PT1H
      +     managed policy: arn:aws:iam::aws:policy/job-function/Billing
      ~  permission set ReadOnly
      ~     session: PT4H -> PT8H
      +     managed policy: arn:aws:iam::aws:policy/AWSSupportAccess

      # Provision permission sets
      P  permission set ReadOnly in 2 accounts
            prod-app (111111111111)
            dev-app (222222222222)
            # re-provision after update

      # Create assignments
      +  group Admins -> Admin in prod-app (111111111111)
      +  group Developers -> Billing in dev-app (222222222222)

      # Delete assignments
      -  group Developers -> ReadOnly in prod-app (111111111111)

      # Disable policy types and trusted services
      -e trusted access for securityhub.amazonaws.com

      \`\`\`

      </details>

      <sub>orgops 0.1.0 · limits 2026-05-15 · planned 2026-11-23T12:00:00.000Z</sub>
      "
    `);
  });

  it('renders an empty plan as "No changes"', () => {
    expect(renderPlanMarkdown(emptyPlan())).toMatchInlineSnapshot(`
      "## orgops plan: SANDBOX .orgops/sandbox.json (organization o-test1234, management account 999999999999)

      **No changes. The organization matches the config.**

      <sub>orgops 0.1.0 · limits 2026-05-15 · planned 2026-11-23T12:00:00.000Z</sub>
      "
    `);
  });

  it('orders the sections for review and has no ANSI escapes', () => {
    const md = renderPlanMarkdown(representativePlan());
    const at = (s: string): number => md.indexOf(s);
    expect(at('### Risks')).toBeGreaterThan(0);
    expect(at('### Risks')).toBeLessThan(at('### Access changes'));
    expect(at('### Access changes')).toBeLessThan(at('### Guardrail changes'));
    expect(at('### Guardrail changes')).toBeLessThan(at('### Warnings'));
    expect(at('### Warnings')).toBeLessThan(at('<details>'));
    expect(md).not.toMatch(ANSI_PATTERN);
  });

  it('cuts the details first to fit maxChars and says where the full plan is', () => {
    const full = renderPlanMarkdown(representativePlan());
    const maxChars = full.length - 600;
    const md = renderPlanMarkdown(representativePlan(), { maxChars });
    expect(md.length).toBeLessThanOrEqual(maxChars);
    expect(md).toContain('Full plan: 14 changes (truncated)');
    expect(md).toMatch(/_Truncated to fit a comment: \d+ of \d+ lines shown\. .*`orgops show PLANFILE`/);
    // The review part is intact.
    expect(md.slice(0, md.indexOf('<details>'))).toBe(full.slice(0, full.indexOf('<details>')));
    expect(md).toContain('</details>');
  });

  it('drops the details and then cuts the review when even that does not fit', () => {
    const md = renderPlanMarkdown(representativePlan(), {
      maxChars: 700,
      fullPlanHint: 'See artifact plan-42.',
    });
    expect(md.length).toBeLessThanOrEqual(700);
    expect(md).not.toContain('<details>');
    expect(md).toContain('See artifact plan-42.');
    expect(md.startsWith('## orgops plan: SANDBOX')).toBe(true);
    expect(renderPlanMarkdown(representativePlan(), { maxChars: 40 }).length).toBeLessThanOrEqual(40);
  });

  it('escapes table cells and takes a title', () => {
    const odd = { type: 'GROUP', name: 'Ops | <b>Oncall</b>', id: 'g-odd' } as const;
    const plan = planOf(
      [['create-assignments', assignment('create', odd, 'ReadOnly', { email: 'x@example.com', name: 'x' })]],
      baseDesired(),
    );
    const md = renderPlanMarkdown(plan, { title: 'orgops drift' });
    expect(md.startsWith('## orgops drift: ')).toBe(true);
    const row = md.split('\n').find((l) => l.startsWith('| group '));
    expect(row).toBe(
      '| group `Ops \\| <b>Oncall</b>` | `ReadOnly` | x (`x@example.com`) in `(unknown OU)` | ReadOnlyAccess, 4h sessions |',
    );
    const html = toHtml(md);
    expect(cellsPerRow(html)).toEqual([4]);
    // HTML from names is text inside code spans and the diff block, never an element.
    expect(rawHtmlTags(html)).toEqual([]);
  });

  it('renders hostile names as inert data: no mention, reference, HTML, merged cells or control characters', () => {
    const hostile = { type: 'GROUP', name: '@org/admins closes #12', id: 'g-evil' } as const;
    const acct = { email: 'evil@example.com', id: '444444444444', name: 'x`|`<img src=x>\u001b[2J\u0007' };
    const plan = planOf(
      [
        ['create-assignments', assignment('create', hostile, 'ReadOnly', acct)],
        ['create-assignments', assignment('create', GROUPS.developers, 'Billing`', acct)],
      ],
      baseDesired(),
    );
    const md = renderPlanMarkdown(plan);
    const html = toHtml(md);
    expect(scannedText(html)).not.toMatch(/@org|#12/);
    expect(rawHtmlTags(html)).toEqual([]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none get through.
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(cellsPerRow(html)).toEqual([4, 4]);
    expect(html).toContain('<code>@org/admins closes #12</code>');
    expect(html).toContain('x`|`&lt;img src=x&gt;\\x1b[2J\\x07');
  });

  it('says plainly when nobody gains or loses access', () => {
    const plan = planOf(
      [
        [
          'create-assignments',
          assignment('create', GROUPS.developers, 'ReadOnly', { email: 'x@example.com', name: 'x' }),
        ],
      ],
      baseDesired(),
    );
    expect(renderPlanMarkdown(plan)).toContain('**Gains access**');
    const none = planOf(
      [
        [
          'create-ous',
          {
            kind: 'ou-create',
            action: 'create',
            address: 'ou/X',
            path: '/X',
            name: 'X',
            parentPath: '/',
            tags: {},
          },
        ],
      ],
      baseDesired(),
    );
    const md = renderPlanMarkdown(none);
    expect(md).toContain('No one gains or loses access.');
    expect(md).toContain('No guardrail changes.');
    expect(md).toContain('No risks found.');
  });

  it('summarises a large account list by OU so the review stays readable', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      email: `a${i}@example.com`,
      id: String(100000000000 + i),
      name: `acct-${String(i).padStart(2, '0')}`,
    }));
    const plan = planOf(
      many.map((acct) => ['create-assignments', assignment('create', GROUPS.admins, 'Admin', acct)] as const),
      baseDesired(),
    );
    const row = renderPlanMarkdown(plan)
      .split('\n')
      .find((l) => l.startsWith('| group `Admins`'));
    // Accounts unknown to config and snapshot are not placed in any OU.
    expect(row).toBe(
      '| group `Admins` | `Admin` | **30 accounts**<br>`(unknown OU)`: 30 accounts (acct-00, acct-01, acct-02, … 27 more) | AdministratorAccess, 1h sessions |',
    );
  });

  it('keeps summary, risks and access tables within the limit however many there are', () => {
    const plan = representativePlan();
    const [risk] = plan.analysis.risks;
    const [row] = plan.analysis.access;
    if (!risk || !row) throw new Error('fixture changed');
    const many = {
      ...plan,
      analysis: {
        ...plan.analysis,
        risks: Array.from({ length: 3000 }, (_, i) => ({ ...risk, message: `${risk.message} #${i}` })),
        access: Array.from({ length: 3000 }, (_, i) => ({ ...row, permissionSet: `PS-${i}` })),
      },
    };
    const md = renderPlanMarkdown(many, { maxChars: 65_000 });
    expect(md.length).toBeLessThanOrEqual(65_000);
    expect(md).toContain('### Risks');
    expect(md).toContain('### Access changes');
    expect(md).toContain('### Guardrail changes');
    expect(md).toMatch(/_… and \d+ more risks: the full review lists them._/);
    expect(md).toMatch(/_… and \d+ more rows: the full review lists them._/);
    expect(md).toContain('| Principal | Permission set | Accounts | Grants |');
    expect(md.endsWith('</sub>\n')).toBe(true);
    // With room, everything is listed.
    const all = renderPlanMarkdown(many, { maxChars: 5_000_000 });
    expect(all).not.toContain('more risks');
    expect(all.match(/^- 🔴/gm)?.length).toBeGreaterThanOrEqual(3000);
  });
});
