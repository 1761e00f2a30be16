import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { orgops, scratchDir } from './harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);

/** Replace what differs per run (scratch path, random sandbox org id, time) with stable names. */
function stable(text: string): string {
  return text
    .replaceAll(scratch.dir, '<scratch>')
    .replace(/o-sbx[a-z0-9]+/g, 'o-sbxEXAMPLE')
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>');
}

describe('the pull-request review of the example organization', () => {
  it('leads with risks and who gains what, where', async () => {
    const run = await orgops([
      'plan',
      '--format',
      'markdown',
      '--sandbox-file',
      join(scratch.dir, 'sandbox.json'),
    ]);
    expect(run.code).toBe(2);
    const review = stable(run.stdout.slice(0, run.stdout.indexOf('### Guardrail changes')));
    expect(review).toMatchInlineSnapshot(`
      "## orgops plan: SANDBOX <scratch>/sandbox.json (organization o-sbxEXAMPLE, management account 100000000000)

      **Plan: 83 to create, 1 to retag, 19 to attach, 8 to enable, 3 to register.** Risks: 1 high, 1 low.

      ### Risks

      - 🔴 **High** group platform-admins gains PlatformAdmin (admin-equivalent access) in 2 security accounts: log-archive (\`aws+log-archive@example.com\`) in /Security, security-tooling (\`aws+security-tooling@example.com\`) in /Security; 2 production accounts: data-prod (\`aws+data-prod@example.com\`) in /Workloads/Prod, payments-prod (\`aws+payments-prod@example.com\`) in /Workloads/Prod \`admin-in-critical-account\`
      - 🟡 **Low** group developers gains Developer (power-user access) in 3 accounts: sandbox (\`aws+sandbox@example.com\`) in /Sandbox, data-dev (\`aws+data-dev@example.com\`) in /Workloads/NonProd, payments-staging (\`aws+payments-staging@example.com\`) in /Workloads/NonProd \`power-user-access-gained\`

      ### Access changes

      **Gains access**

      | Principal | Permission set | Accounts | Grants | Can now (simulated) |
      | --- | --- | --- | --- | --- |
      | group \`developers\` | \`Developer\` | sandbox (\`aws+sandbox@example.com\`) in \`/Sandbox\`<br>data-dev (\`aws+data-dev@example.com\`) in \`/Workloads/NonProd\`<br>payments-staging (\`aws+payments-staging@example.com\`) in \`/Workloads/NonProd\` | PowerUserAccess, inline policy, 4h sessions | assume any role that trusts the account (sts:AssumeRole) in 3 accounts<br>delete data (s3:DeleteObject) in 3 accounts<br>read data (s3:GetObject) in 3 accounts<br>open network paths (ec2:AuthorizeSecurityGroupIngress) in 3 accounts<br>run code (ec2:RunInstances) in 3 accounts |
      | group \`developers\` | \`ReadOnly\` | data-prod (\`aws+data-prod@example.com\`) in \`/Workloads/Prod\`<br>payments-prod (\`aws+payments-prod@example.com\`) in \`/Workloads/Prod\` | ViewOnlyAccess, 4h sessions | _none of the capabilities the review checks_ |
      | group \`finops\` | \`FinOps\` | management (100000000000) in \`/\` | Billing, 4h sessions | _none of the capabilities the review checks_ |
      | group \`incident-responders\` | \`IncidentResponder\` | management (100000000000) in \`/\`<br>network (\`aws+network@example.com\`) in \`/Infrastructure\`<br>shared-services (\`aws+shared-services@example.com\`) in \`/Infrastructure\`<br>sandbox (\`aws+sandbox@example.com\`) in \`/Sandbox\`<br>log-archive (\`aws+log-archive@example.com\`) in \`/Security\`<br>security-tooling (\`aws+security-tooling@example.com\`) in \`/Security\`<br>data-dev (\`aws+data-dev@example.com\`) in \`/Workloads/NonProd\`<br>payments-staging (\`aws+payments-staging@example.com\`) in \`/Workloads/NonProd\`<br>data-prod (\`aws+data-prod@example.com\`) in \`/Workloads/Prod\`<br>payments-prod (\`aws+payments-prod@example.com\`) in \`/Workloads/Prod\` | SecurityAudit, ViewOnlyAccess, inline policy, 2h sessions | _none of the capabilities the review checks_ |
      | group \`platform-admins\` | \`PlatformAdmin\` | network (\`aws+network@example.com\`) in \`/Infrastructure\`<br>shared-services (\`aws+shared-services@example.com\`) in \`/Infrastructure\`<br>sandbox (\`aws+sandbox@example.com\`) in \`/Sandbox\`<br>log-archive (\`aws+log-archive@example.com\`) in \`/Security\`<br>security-tooling (\`aws+security-tooling@example.com\`) in \`/Security\`<br>data-dev (\`aws+data-dev@example.com\`) in \`/Workloads/NonProd\`<br>payments-staging (\`aws+payments-staging@example.com\`) in \`/Workloads/NonProd\`<br>data-prod (\`aws+data-prod@example.com\`) in \`/Workloads/Prod\`<br>payments-prod (\`aws+payments-prod@example.com\`) in \`/Workloads/Prod\` | AdministratorAccess, 1h sessions | change IAM (iam:PutRolePolicy) in 9 accounts<br>rewrite customer managed policies (iam:CreatePolicyVersion) in 9 accounts<br>pass any role to a service (iam:PassRole) in 9 accounts<br>assume any role that trusts the account (sts:AssumeRole) in 9 accounts<br>delete data (s3:DeleteObject) in 9 accounts<br>read data (s3:GetObject) in 9 accounts<br>open network paths (ec2:AuthorizeSecurityGroupIngress) in 9 accounts<br>run code (ec2:RunInstances) in 9 accounts |
      | group \`read-only\` | \`ReadOnly\` | network (\`aws+network@example.com\`) in \`/Infrastructure\`<br>shared-services (\`aws+shared-services@example.com\`) in \`/Infrastructure\`<br>sandbox (\`aws+sandbox@example.com\`) in \`/Sandbox\`<br>log-archive (\`aws+log-archive@example.com\`) in \`/Security\`<br>security-tooling (\`aws+security-tooling@example.com\`) in \`/Security\`<br>data-dev (\`aws+data-dev@example.com\`) in \`/Workloads/NonProd\`<br>payments-staging (\`aws+payments-staging@example.com\`) in \`/Workloads/NonProd\`<br>data-prod (\`aws+data-prod@example.com\`) in \`/Workloads/Prod\`<br>payments-prod (\`aws+payments-prod@example.com\`) in \`/Workloads/Prod\` | ViewOnlyAccess, 4h sessions | _none of the capabilities the review checks_ |
      | group \`security-auditors\` | \`SecurityAudit\` | management (100000000000) in \`/\`<br>network (\`aws+network@example.com\`) in \`/Infrastructure\`<br>shared-services (\`aws+shared-services@example.com\`) in \`/Infrastructure\`<br>sandbox (\`aws+sandbox@example.com\`) in \`/Sandbox\`<br>log-archive (\`aws+log-archive@example.com\`) in \`/Security\`<br>security-tooling (\`aws+security-tooling@example.com\`) in \`/Security\`<br>data-dev (\`aws+data-dev@example.com\`) in \`/Workloads/NonProd\`<br>payments-staging (\`aws+payments-staging@example.com\`) in \`/Workloads/NonProd\`<br>data-prod (\`aws+data-prod@example.com\`) in \`/Workloads/Prod\`<br>payments-prod (\`aws+payments-prod@example.com\`) in \`/Workloads/Prod\` | SecurityAudit, ViewOnlyAccess, 4h sessions | _none of the capabilities the review checks_ |

      "
    `);
  });
});
