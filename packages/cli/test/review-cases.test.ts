import { copyFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openSandbox } from '@orgops/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgops, scratchDir, workspaceRoot, writeTree } from './harness.ts';
import { BREAK_GLASS, type Edit, organizationSource } from './review-cases.org.ts';

/**
 * The pull-request review for the cases issue 6 lists, each planned against the same applied
 * organization (`review-cases.org.ts`) with one edit to the config, through the real CLI: what a
 * security reviewer sees first (risks), and the access and guardrail tables with what the
 * simulator found.
 */
const scratch = scratchDir();
afterAll(scratch.cleanup);
const sandbox = join(scratch.dir, 'sandbox.json');
const base = join(scratch.dir, 'base');
writeTree(base, { 'index.ts': organizationSource() });
let n = 0;

beforeAll(async () => {
  const run = await orgops(['apply', '--auto-approve', '--config', base, '--sandbox-file', sandbox]);
  expect(run.code).toBe(0);
}, 120_000);

function stable(text: string): string {
  return (
    text
      .replaceAll(scratch.dir, '<scratch>')
      // Lint findings name their file relative to the repository.
      .replaceAll(relative(workspaceRoot, scratch.dir), '<scratch>')
      .replace(/o-sbx[a-z0-9]+/g, 'o-sbxEXAMPLE')
      .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>')
  );
}

/** The review from its risks up to the full plan (or the map, unless `map`). */
function review(markdown: string, options: { map?: boolean } = {}): string {
  const start = markdown.indexOf('### Risks');
  const end = options.map ? markdown.indexOf('<details>') : markdown.indexOf('### Where the changes land');
  return stable(markdown.slice(start, end < 0 ? undefined : end)).trim();
}

async function planWith(edit: Edit): Promise<string> {
  const dir = join(scratch.dir, `case-${++n}`);
  writeTree(dir, { 'index.ts': organizationSource(edit) });
  const run = await orgops(['plan', '--format', 'markdown', '--config', dir, '--sandbox-file', sandbox]);
  expect(run.code, run.stderr).toBe(2);
  return run.stdout;
}

describe('the review of the cases in issue 6', () => {
  it('1. inline iam:* and sts:AssumeRole on * added to ReadOnly: high, and what it makes possible where', async () => {
    const md = await planWith({
      readOnlyInline: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Iam', Effect: 'Allow', Action: 'iam:*', Resource: '*' },
          { Sid: 'AssumeAnything', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
        ],
      },
    });
    expect(review(md)).toMatchInlineSnapshot(`
      "### Risks

      - 🔴 **High** permission set ReadOnly now allows IAM writes (iam:\\* in the inline policy), policy-version writes (iam:\\* in the inline policy), iam:PassRole on any role (iam:\\* in the inline policy), sts:AssumeRole on any role (sts:AssumeRole in the inline policy): each is a path to admin; held by 1 principal in the management account: management (100000000000) in /; 2 security accounts: log-archive (100000000003) in /Security, security-tooling (100000000007) in /Security; 3 production accounts: data-prod (100000000002) in /Workloads/Prod, payments-prod (100000000005) in /Workloads/Prod, web-prod (100000000009) in /Workloads/Prod \`privilege-escalation\`

      ### Access changes

      **Access changes for current holders**

      | Principal | Permission set | Accounts | What changes | Grants after | Can now (simulated) |
      | --- | --- | --- | --- | --- | --- |
      | group \`read-only\` | \`ReadOnly\` | management (100000000000) in \`/\`<br>shared-services (100000000008) in \`/Infrastructure\`<br>sandbox (100000000006) in \`/Sandbox\`<br>log-archive (100000000003) in \`/Security\`<br>security-tooling (100000000007) in \`/Security\`<br>data-dev (100000000001) in \`/Workloads/NonProd\`<br>payments-dev (100000000004) in \`/Workloads/NonProd\`<br>data-prod (100000000002) in \`/Workloads/Prod\`<br>payments-prod (100000000005) in \`/Workloads/Prod\`<br>web-prod (100000000009) in \`/Workloads/Prod\` | \\+ inline policy (2 statements) | ReadOnlyAccess, inline policy, 4h sessions | change IAM (iam:PutRolePolicy) in 10 accounts<br>rewrite customer managed policies (iam:CreatePolicyVersion) in 10 accounts<br>pass any role to a service (iam:PassRole) in 10 accounts<br>assume any role that trusts the account (sts:AssumeRole) in 10 accounts |

      ### Guardrail changes

      No guardrail changes."
    `);
  }, 120_000);

  it('2. the exempt principals widened to AWSReservedSSO_*: high, and the simulator says who actually escapes', async () => {
    const quoted = await planWith({ exempt: [BREAK_GLASS, 'arn:aws:iam::*:role/AWSReservedSSO_*'] });
    expect(review(quoted)).toMatchInlineSnapshot(`
      "### Risks

      - 🔴 **High** SCP deny-leave-organization now exempts arn:aws:iam::\\*:role/AWSReservedSSO\\_\\* (any role or user whose name matches: anyone who can create a role can pick such a name; Identity Center's own roles sit under /aws-reserved/sso.amazonaws.com/ and do not match it) from 1 Deny statement (organizations:LeaveOrganization) in 10 accounts (attached to /) \`guardrail-exemption-widened\`
      - 🔴 **High** SCP protect-security-services now exempts arn:aws:iam::\\*:role/AWSReservedSSO\\_\\* (any role or user whose name matches: anyone who can create a role can pick such a name; Identity Center's own roles sit under /aws-reserved/sso.amazonaws.com/ and do not match it) from 3 Deny statements (cloudtrail:StopLogging, cloudtrail:DeleteTrail, guardduty:DeleteDetector, guardduty:DisassociateFromAdministratorAccount, config:StopConfigurationRecorder, config:DeleteConfigurationRecorder) in 10 accounts (attached to /) \`guardrail-exemption-widened\`
      - 🔴 **High** SCP region-allow-list now exempts arn:aws:iam::\\*:role/AWSReservedSSO\\_\\* (any role or user whose name matches: anyone who can create a role can pick such a name; Identity Center's own roles sit under /aws-reserved/sso.amazonaws.com/ and do not match it) from 1 Deny statement (everything except iam:\\*, organizations:\\*, sts:\\* +2 more) in 5 accounts (attached to /Workloads) \`guardrail-exemption-widened\`

      ### Access changes

      No one gains or loses access.

      ### Guardrail changes

      | Target | Accounts below | Change |
      | --- | --- | --- |
      | \`/\` | 10 | ✏️ change SCP \`deny-leave-organization\`: DenyLeaveOrganization: exempt + arn:aws:iam::\\*:role/AWSReservedSSO\\_\\*<br>↳ no permission set held there gains or loses any of organizations:LeaveOrganization (simulated for PlatformAdmin, ReadOnly)<br>✏️ change SCP \`protect-security-services\`: ProtectCloudTrail: exempt + arn:aws:iam::\\*:role/AWSReservedSSO\\_\\*, ProtectGuardDuty: exempt + arn:aws:iam::\\*:role/AWSReservedSSO\\_\\*, ProtectConfig: exempt + arn:aws:iam::\\*:role/AWSReservedSSO\\_\\*<br>↳ no permission set held there gains or loses any of cloudtrail:StopLogging, cloudtrail:DeleteTrail, guardduty:DeleteDetector, guardduty:DisassociateFromAdministratorAccount +2 more (simulated for PlatformAdmin, ReadOnly) |
      | \`/Workloads\` | 5 | ✏️ change SCP \`region-allow-list\`: DenyOtherRegions: exempt + arn:aws:iam::\\*:role/AWSReservedSSO\\_\\*<br>↳ no permission set held there gains or loses any of cloudtrail:StopLogging, cloudtrail:DeleteTrail, guardduty:DeleteDetector, config:StopConfigurationRecorder +12 more (simulated for PlatformAdmin, ReadOnly) |"
    `);
    const everyone = await planWith({
      exempt: [BREAK_GLASS, 'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_*'],
    });
    expect(review(everyone, { map: true })).toMatchInlineSnapshot(`
      "### Risks

      - 🔴 **High** SCP deny-leave-organization now exempts arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*AWSReservedSSO\\_\\* (every Identity Center user: the role of every permission set) from 1 Deny statement (organizations:LeaveOrganization) in 10 accounts (attached to /) \`guardrail-exemption-widened\`
      - 🔴 **High** SCP protect-security-services now exempts arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*AWSReservedSSO\\_\\* (every Identity Center user: the role of every permission set) from 3 Deny statements (cloudtrail:StopLogging, cloudtrail:DeleteTrail, guardduty:DeleteDetector, guardduty:DisassociateFromAdministratorAccount, config:StopConfigurationRecorder, config:DeleteConfigurationRecorder) in 10 accounts (attached to /) \`guardrail-exemption-widened\`
      - 🔴 **High** SCP region-allow-list now exempts arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*AWSReservedSSO\\_\\* (every Identity Center user: the role of every permission set) from 1 Deny statement (everything except iam:\\*, organizations:\\*, sts:\\* +2 more) in 5 accounts (attached to /Workloads) \`guardrail-exemption-widened\`

      ### Access changes

      No one gains or loses access.

      ### Guardrail changes

      | Target | Accounts below | Change |
      | --- | --- | --- |
      | \`/\` | 10 | ✏️ change SCP \`deny-leave-organization\`: DenyLeaveOrganization: exempt + arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*AWSReservedSSO\\_\\*<br>↳ PlatformAdmin (group platform-admins) can now organizations:LeaveOrganization in 6 accounts<br>✏️ change SCP \`protect-security-services\`: ProtectCloudTrail: exempt + arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*AWSReservedSSO\\_\\*, ProtectGuardDuty: exempt + arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*AWSReservedSSO\\_\\*, ProtectConfig: exempt + arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*AWSReservedSSO\\_\\*<br>↳ PlatformAdmin (group platform-admins) can now cloudtrail:StopLogging, cloudtrail:DeleteTrail, guardduty:DeleteDetector, guardduty:DisassociateFromAdministratorAccount +2 more in 6 accounts |
      | \`/Workloads\` | 5 | ✏️ change SCP \`region-allow-list\`: DenyOtherRegions: exempt + arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*AWSReservedSSO\\_\\*<br>↳ PlatformAdmin (group platform-admins) can now securityhub:DisableSecurityHub in ap-southeast-2, s3:DeleteObject in ap-southeast-2, s3:DeleteBucket in ap-southeast-2, dynamodb:DeleteTable in ap-southeast-2 +6 more in 5 accounts<br>↳ ReadOnly (group read-only) can now s3:GetObject in ap-southeast-2, dynamodb:GetItem in ap-southeast-2 in 5 accounts |

      ### Where the changes land

      \`\`\`mermaid
      flowchart TD
        classDef changed fill:#fff8c5,stroke:#9a6700
        o0["root<br/>~ SCP deny-leave-organization<br/>~ SCP protect-security-services"]:::changed
        o1["Workloads<br/>~ SCP region-allow-list"]:::changed
        o0 --> o1
      \`\`\`

      ### Lint findings

      5 errors, 1 warning. \`orgops lint\` lists them with their fixes.

      - 🔴 **Error** SCP region-allow-list exempts "arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*AWSReservedSSO\\_\\*" from its Deny: it matches the role of every Identity Center permission set, so everyone who signs in through Identity Center is exempt. Every exemption is a way around this guardrail in every account it is attached to. (\`<scratch>/case-3/index.ts:13\`, \`organizationalUnits[/Workloads].policies[region-allow-list].content.Statement[0].Condition.ArnNotLike["aws:PrincipalArn"][1]\`) \`exemption-wildcard\`
      - 🔴 **Error** SCP deny-leave-organization exempts "arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*AWSReservedSSO\\_\\*" from its Deny: it matches the role of every Identity Center permission set, so everyone who signs in through Identity Center is exempt. Every exemption is a way around this guardrail in every account it is attached to. (\`<scratch>/case-3/index.ts:11\`, \`root.policies[deny-leave-organization].content.Statement[0].Condition.ArnNotLike["aws:PrincipalArn"][1]\`) \`exemption-wildcard\`
      - 🔴 **Error** SCP protect-security-services exempts "arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*AWSReservedSSO\\_\\*" from its Deny: it matches the role of every Identity Center permission set, so everyone who signs in through Identity Center is exempt. Every exemption is a way around this guardrail in every account it is attached to. (\`<scratch>/case-3/index.ts:5\`, \`root.policies[protect-security-services].content.Statement[0].Condition.ArnNotLike["aws:PrincipalArn"][1]\`) \`exemption-wildcard\`
      - 🔴 **Error** SCP protect-security-services exempts "arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*AWSReservedSSO\\_\\*" from its Deny: it matches the role of every Identity Center permission set, so everyone who signs in through Identity Center is exempt. Every exemption is a way around this guardrail in every account it is attached to. (\`<scratch>/case-3/index.ts:5\`, \`root.policies[protect-security-services].content.Statement[1].Condition.ArnNotLike["aws:PrincipalArn"][1]\`) \`exemption-wildcard\`
      - 🔴 **Error** SCP protect-security-services exempts "arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*AWSReservedSSO\\_\\*" from its Deny: it matches the role of every Identity Center permission set, so everyone who signs in through Identity Center is exempt. Every exemption is a way around this guardrail in every account it is attached to. (\`<scratch>/case-3/index.ts:5\`, \`root.policies[protect-security-services].content.Statement[2].Condition.ArnNotLike["aws:PrincipalArn"][1]\`) \`exemption-wildcard\`
      - 🟠 **Warning** group platform-admins holds admin-equivalent PlatformAdmin in production (payments-prod, data-prod, web-prod) accounts. Admin there can read customer data, erase the audit trail or, in the management account, detach every guardrail. (\`<scratch>/case-3/index.ts:53\`, \`assignments[platform-admins:PlatformAdmin]\`) \`admin-in-sensitive-account\`"
    `);
  }, 120_000);

  it('3. ReadOnly widened to AdministratorAccess: high for the management and security accounts, not only production', async () => {
    const md = await planWith({ readOnlyManaged: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
    expect(review(md)).toMatchInlineSnapshot(`
      "### Risks

      - 🔴 **High** group read-only gains through a change to ReadOnly (admin-equivalent access) in the management account: management (100000000000) in /; 2 security accounts: log-archive (100000000003) in /Security, security-tooling (100000000007) in /Security; 3 production accounts: data-prod (100000000002) in /Workloads/Prod, payments-prod (100000000005) in /Workloads/Prod, web-prod (100000000009) in /Workloads/Prod \`admin-in-critical-account\`
      - 🟠 **Medium** permission set ReadOnly is admin-equivalent with 4h sessions; keep admin sessions at 1h or less \`long-admin-session\`

      ### Access changes

      **Access changes for current holders**

      | Principal | Permission set | Accounts | What changes | Grants after | Can now (simulated) |
      | --- | --- | --- | --- | --- | --- |
      | group \`read-only\` | \`ReadOnly\` | management (100000000000) in \`/\`<br>shared-services (100000000008) in \`/Infrastructure\`<br>sandbox (100000000006) in \`/Sandbox\`<br>log-archive (100000000003) in \`/Security\`<br>security-tooling (100000000007) in \`/Security\`<br>data-dev (100000000001) in \`/Workloads/NonProd\`<br>payments-dev (100000000004) in \`/Workloads/NonProd\`<br>data-prod (100000000002) in \`/Workloads/Prod\`<br>payments-prod (100000000005) in \`/Workloads/Prod\`<br>web-prod (100000000009) in \`/Workloads/Prod\` | \\+ managed policy AdministratorAccess<br>\\- managed policy ReadOnlyAccess | AdministratorAccess, 4h sessions | change IAM (iam:PutRolePolicy) in 10 accounts<br>rewrite customer managed policies (iam:CreatePolicyVersion) in 10 accounts<br>pass any role to a service (iam:PassRole) in 10 accounts<br>assume any role that trusts the account (sts:AssumeRole) in 10 accounts<br>change Identity Center assignments (sso:CreateAccountAssignment) in 1 of 10 accounts<br>change the organization's guardrails (organizations:DetachPolicy) in 1 of 10 accounts<br>turn off logging and detection (cloudtrail:StopLogging) in 10 accounts<br>delete data (s3:DeleteObject) in 10 accounts<br>open network paths (ec2:AuthorizeSecurityGroupIngress) in 10 accounts<br>run code (ec2:RunInstances) in 10 accounts |

      ### Guardrail changes

      No guardrail changes."
    `);
  }, 120_000);

  it('4. guardrail summaries name who is exempt and which Regions are allowed', async () => {
    const md = await planWith({ sandboxRegions: true, regions: ['ap-south-1', 'eu-west-1', 'us-east-1'] });
    expect(review(md)).toMatchInlineSnapshot(`
      "### Risks

      - 🟠 **Medium** SCP region-allow-list loosens DenyOtherRegions (Regions + ap-south-1); check that nothing it denied is now allowed in 5 accounts (attached to /Workloads) \`guardrail-weakened\`

      ### Access changes

      No one gains or loses access.

      ### Guardrail changes

      | Target | Accounts below | Change |
      | --- | --- | --- |
      | \`/Sandbox\` | 1 | ➕ attach SCP \`region-allow-list\`: SCP, 1 statement: Deny everything except iam:\\*, organizations:\\*, sts:\\* +2 more outside Regions ap-south-1, eu-west-1, us-east-1 (exempt: arn:aws:iam::\\*:role/break-glass)<br>↳ PlatformAdmin (group platform-admins) can no longer securityhub:DisableSecurityHub in ap-southeast-2, s3:DeleteObject in ap-southeast-2, s3:DeleteBucket in ap-southeast-2, dynamodb:DeleteTable in ap-southeast-2 +6 more in 1 account<br>↳ ReadOnly (group read-only) can no longer s3:GetObject in ap-southeast-2, dynamodb:GetItem in ap-southeast-2 in 1 account |
      | \`/Workloads\` | 5 | ✏️ change SCP \`region-allow-list\`: DenyOtherRegions: Regions + ap-south-1<br>↳ PlatformAdmin (group platform-admins) can now securityhub:DisableSecurityHub in ap-south-1, s3:DeleteObject in ap-south-1, s3:DeleteBucket in ap-south-1, dynamodb:DeleteTable in ap-south-1 +6 more in 5 accounts<br>↳ ReadOnly (group read-only) can now s3:GetObject in ap-south-1, dynamodb:GetItem in ap-south-1 in 5 accounts |"
    `);
  }, 120_000);

  it('5. drift: an AdministratorAccess grant made by hand to a user in production is high', async () => {
    const drifted = join(scratch.dir, 'drifted.json');
    copyFileSync(sandbox, drifted);
    const backend = await openSandbox(drifted, { lock: true });
    const [instance] = await backend.ssoAdmin.listInstances();
    const arns = await backend.ssoAdmin.listPermissionSets(instance!.instanceArn);
    let admin = '';
    for (const arn of arns) {
      const ps = await backend.ssoAdmin.describePermissionSet(instance!.instanceArn, arn);
      if (ps.name === 'PlatformAdmin') admin = arn;
    }
    const alice = (await backend.identityStore.getUserId(instance!.identityStoreId, 'alice'))!;
    const prod = (await backend.organizations.listAccounts()).find((a) => a.name === 'payments-prod')!;
    const request = await backend.ssoAdmin.createAccountAssignment(instance!.instanceArn, {
      accountId: prod.id,
      permissionSetArn: admin,
      principalType: 'USER',
      principalId: alice,
    });
    // The sandbox finishes assignment requests after a few status reads, as AWS does.
    for (let i = 0; i < 10; i++) {
      const status = await backend.ssoAdmin.describeAccountAssignmentCreationStatus(
        instance!.instanceArn,
        request.requestId,
      );
      if (status.status !== 'IN_PROGRESS') break;
    }
    await backend.close();
    const run = await orgops(['drift', '--format', 'markdown', '--config', base, '--sandbox-file', drifted]);
    expect(run.code).toBe(2);
    expect(stable(run.stdout.slice(0, run.stdout.indexOf('## orgops'))).trim()).toMatchInlineSnapshot(`
      "### ⚠️ Drift in organization \`o-sbxEXAMPLE\`: 1 difference(s)

      **Risks of what happened outside orgops**

      - 🔴 **High** user alice gains PlatformAdmin (admin-equivalent access) in 1 production account: payments-prod (100000000005) in /Workloads/Prod \`admin-in-production\`
      - 🟡 **Low** user alice is assigned PlatformAdmin directly in 1 account; assign a group so access is reviewed by role \`assignment-to-user\`

      **created outside orgops** (1)

      - user alice was given PlatformAdmin in payments-prod — \`assignment/USER:alice/PlatformAdmin/aws+payments-prod@example.com\`

      ## Changes orgops apply would make: SANDBOX <scratch>/drifted.json (organization o-sbxEXAMPLE, management account 100000000000)

      **Plan: 1 to delete.**

      ### Risks

      No risks found.

      ### Access changes

      **Loses access**

      | Principal | Permission set | Accounts |
      | --- | --- | --- |
      | user \`alice\` | \`PlatformAdmin\` | payments-prod (100000000005) in \`/Workloads/Prod\` |

      ### Guardrail changes

      No guardrail changes.

      ### Where the changes land

      \`\`\`mermaid
      flowchart TD
        classDef quiet fill:#f6f8fa,stroke:#8c959f,color:#57606a
        o0["root<br/>kept: protect-security-services, deny-leave-organization"]:::quiet
        o1["Workloads<br/>kept: region-allow-list"]:::quiet
        o2["Prod"]
        a2(["1 account<br/>payments-prod"])
        o0 --> o1
        o1 --> o2
        o2 --> a2
      \`\`\`

      <details><summary>Full plan: 1 change</summary>

      \`\`\`diff
      # Delete assignments
      -  user alice -> PlatformAdmin in payments-prod (100000000005)

      \`\`\`

      </details>

      <sub>orgops 0.1.0 · limits 2026-05-15 · planned <time></sub>"
    `);
  }, 120_000);

  it('6. explain and can: the guardrails of an account in words, and who can do what there', async () => {
    const explain = await orgops(['explain', 'payments-prod', '--config', base]);
    expect(explain.code).toBe(0);
    expect(stable(explain.stdout)).toMatchInlineSnapshot(`
      "Account payments-prod (aws+payments-prod@example.com) in /Workloads/Prod
      Tags: environment=prod

      Guardrails from the root down (an action needs an Allow at every level; a Deny at any level wins):
        root
          SCP FullAWSAccess
            - Allow *
          SCP protect-security-services
            - Deny cloudtrail:StopLogging, cloudtrail:DeleteTrail (exempt: arn:aws:iam::*:role/break-glass) [ProtectCloudTrail]
            - Deny guardduty:DeleteDetector, guardduty:DisassociateFromAdministratorAccount (exempt: arn:aws:iam::*:role/break-glass) [ProtectGuardDuty]
            - Deny config:StopConfigurationRecorder, config:DeleteConfigurationRecorder (exempt: arn:aws:iam::*:role/break-glass) [ProtectConfig]
          SCP deny-leave-organization
            - Deny organizations:LeaveOrganization (exempt: arn:aws:iam::*:role/break-glass) [DenyLeaveOrganization]
        /Workloads
          SCP FullAWSAccess
            - Allow *
          SCP region-allow-list
            - Deny everything except iam:*, organizations:*, sts:* +2 more outside Regions eu-west-1, us-east-1 (exempt: arn:aws:iam::*:role/break-glass) [DenyOtherRegions]
        /Workloads/Prod
          SCP FullAWSAccess
            - Allow *
        account payments-prod
          SCP FullAWSAccess
            - Allow *

      Regions allowed: eu-west-1, us-east-1
      Exempt from guardrails:
        arn:aws:iam::*:role/break-glass (from 5 Deny statements)

      Who has access (principal -> permission set):
        group platform-admins -> PlatformAdmin (AdministratorAccess, 1h sessions) [admin-equivalent]
        group read-only -> ReadOnly (ReadOnlyAccess, 4h sessions)

      From the config (intended state; pass --backend sandbox|aws to ask the live organization).
      "
    `);
    const answers: string[] = [];
    for (const [principal, action, account] of [
      ['group:read-only', 'iam:PutRolePolicy', 'payments-prod'],
      ['group:platform-admins', 'cloudtrail:StopLogging', 'payments-prod'],
      ['group:platform-admins', 'iam:PutRolePolicy', 'payments-prod'],
    ] as const) {
      const run = await orgops([
        'can',
        principal,
        action,
        '--account',
        account,
        '--config',
        base,
        '--backend',
        'sandbox',
        '--sandbox-file',
        sandbox,
      ]);
      answers.push(`exit ${run.code}\n${stable(run.stdout)}`);
    }
    expect(answers.join('\n\n')).toMatchInlineSnapshot(`
      "exit 2
      Can group:read-only do iam:PutRolePolicy in payments-prod (100000000005)? No.
        through permission set ReadOnly: ImplicitlyDenied: no identity policy allows it
      Resource: arn:aws:iam::100000000005:role/example
      Region: us-east-1
      From the sandbox organization (<scratch>/sandbox.json).


      exit 2
      Can group:platform-admins do cloudtrail:StopLogging in payments-prod (100000000005)? No.
        through permission set PlatformAdmin: ExplicitlyDenied: SCP protect-security-services/ProtectCloudTrail at root
      Resource: arn:aws:cloudtrail:us-east-1:100000000005:trail/example
      Region: us-east-1
      From the sandbox organization (<scratch>/sandbox.json).


      exit 0
      Can group:platform-admins do iam:PutRolePolicy in payments-prod (100000000005)? Yes.
        through permission set PlatformAdmin: Allowed by identity policy arn:aws:iam::aws:policy/AdministratorAccess#1
      Resource: arn:aws:iam::100000000005:role/example
      Region: us-east-1
      From the sandbox organization (<scratch>/sandbox.json).
      "
    `);
  }, 120_000);
});
