import {
  canonicalJson,
  FullAWSAccess,
  type OrganizationPolicy,
  organizationalUnit,
  policy,
  resourceControlPolicy,
  serviceControlPolicy,
} from '../../src/index.ts';
import { addingTo } from '../../src/testing/index.ts';
import { baseline } from '../fixture.ts';
import type { RuleCase } from './case.ts';

const denyStatement = { Effect: 'Deny', Action: 'ec2:*', Resource: '*' } as const;
const scp = (name: string, extra: Partial<Parameters<typeof serviceControlPolicy>[0]> = {}) =>
  serviceControlPolicy({ name, content: { Version: '2012-10-17', Statement: [denyStatement] }, ...extra });
/** An RCP of `n` valid deny statements' worth, named uniquely. */
const rcp = (name: string) =>
  resourceControlPolicy({
    name,
    content: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: '*' }],
    },
  });
/** The baseline with `p` listed in `policies` (managed, attached nowhere). */
const policies = addingTo(baseline, 'policies');
const listed = policies.config;
const listedCase = policies.variant;

/** A valid SCP whose minified document is exactly `size` characters. */
const scpOfSize = (name: string, size: number): OrganizationPolicy => {
  const doc = (pad: string) => ({
    Version: '2012-10-17',
    Statement: [{ ...denyStatement, Condition: { StringNotEquals: { 'aws:PrincipalTag/team': pad } } }],
  });
  const overhead = canonicalJson(doc('')).length;
  return serviceControlPolicy({ name, content: doc('x'.repeat(size - overhead)) as never });
};

/** The Security OU with `extra` SCPs on top of FullAWSAccess. */
const securityWith = (policies: readonly OrganizationPolicy[]) => {
  const b = baseline();
  const security = organizationalUnit('Security', { parent: b.root, policies });
  const logArchive = { ...b.logArchive, parent: security };
  return {
    config: b.with({
      organizationalUnits: [security, b.workloads, b.prod],
      accounts: [b.management, logArchive, b.payments],
    }),
    site: security.site,
  };
};
const scps = (n: number) => Array.from({ length: n }, (_, i) => scp(`guardrail-${i + 1}`));

/** The Prod OU with `n` RCPs (RCPFullAWSAccess is implicit and counts). */
const prodWithRcps = (n: number) => {
  const b = baseline();
  const prod = organizationalUnit('Prod', {
    parent: b.workloads,
    policies: [FullAWSAccess, ...Array.from({ length: n }, (_, i) => rcp(`rcp-${i + 1}`))],
  });
  const payments = { ...b.payments, parent: prod };
  return {
    config: b.with({
      organizationalUnits: [b.security, b.workloads, prod],
      accounts: [b.management, b.logArchive, payments],
    }),
    site: prod.site,
  };
};

export const policyCases: RuleCase[] = [
  {
    code: 'policy-name',
    name: 'name longer than 128 characters',
    compliant: () => listed(scp('p'.repeat(128))),
    nonCompliant: () => listedCase(scp('p'.repeat(129))),
    path: `policies[${'p'.repeat(129)}].name`,
    fix: 'put the explanation in `description`',
    message: /is 129 characters; AWS allows 1–128 \(AWS limit, orgops limits table 2026-05-15\)/,
  },
  {
    code: 'policy-description',
    name: 'description longer than 512 characters',
    compliant: () => listed(scp('described', { description: 'd'.repeat(512) })),
    nonCompliant: () => listedCase(scp('described', { description: 'd'.repeat(513) })),
    path: 'policies[described].description',
    fix: '512 characters or fewer',
    message: /513 characters; AWS allows at most 512/,
  },
  {
    code: 'policy-document',
    name: 'SCP without Version',
    compliant: () =>
      listed(
        policy('SERVICE_CONTROL_POLICY', {
          name: 'as-json-text',
          content: JSON.stringify({ Version: '2012-10-17', Statement: denyStatement }, null, 2),
        }),
      ),
    nonCompliant: () =>
      listedCase(
        policy('SERVICE_CONTROL_POLICY', { name: 'no-version', content: { Statement: [denyStatement] } }),
      ),
    path: 'policies[no-version].content',
    fix: "Version: '2012-10-17'",
    message: /the document has no Version/,
  },
  {
    code: 'policy-document',
    name: 'RCP whose JSON text does not parse',
    compliant: () => listed(rcp('fine')),
    nonCompliant: () =>
      listedCase(policy('RESOURCE_CONTROL_POLICY', { name: 'broken', content: '{"Version": "2012-10-17",' })),
    path: 'policies[broken].content',
    fix: 'Statement: [{',
    message: /not valid JSON/,
  },
  {
    code: 'policy-document',
    name: 'SCP statement without an Effect',
    compliant: () => listed(scp('fine')),
    nonCompliant: () =>
      listedCase(
        policy('SERVICE_CONTROL_POLICY', {
          name: 'no-effect',
          content: { Version: '2012-10-17', Statement: [{ Action: '*', Resource: '*' }] },
        }),
      ),
    path: 'policies[no-effect].content.Statement[0].Effect',
    fix: "Effect: 'Deny'",
    message: /Statement\[0\]\.Effect is missing/,
  },
  {
    code: 'policy-size',
    name: 'SCP one character over the limit',
    compliant: () => listed(scpOfSize('big', 10_240)),
    nonCompliant: () => listedCase(scpOfSize('big', 10_241)),
    path: 'policies[big].content',
    fix: 'Split statements into a second policy',
    message:
      /is 10241 characters minified, 1 over the 10240-character maximum for SERVICE_CONTROL_POLICY \(AWS limit, orgops limits table 2026-05-15\)/,
    value: 10_241,
  },
  {
    code: 'policy-conflicting-definitions',
    name: 'two policies named deny-leave-organization with different content',
    compliant: () => {
      const same = scp('deny-leave-organization', {
        description: 'Accounts cannot leave the organization',
        content: {
          Version: '2012-10-17',
          Statement: [{ Resource: '*', Action: 'organizations:LeaveOrganization', Effect: 'Deny' }],
        },
      });
      return securityWith([FullAWSAccess, same]).config;
    },
    nonCompliant: () => {
      const other = scp('deny-leave-organization', { description: 'Accounts cannot leave the organization' });
      return { ...securityWith([FullAWSAccess, other]), site: other.site };
    },
    path: 'organizationalUnits[/Security].policies[deny-leave-organization]',
    fix: 'Define the policy once',
    message: /defined twice with different content: here and at root.policies\[deny-leave-organization\]/,
  },
  {
    code: 'policy-type-not-enabled',
    name: 'tag policy attached while TAG_POLICY is not enabled',
    compliant: () => {
      const b = baseline();
      const costCenter = policy('TAG_POLICY', {
        name: 'cost-center',
        content: { tags: { CostCenter: { tag_key: { '@@assign': 'CostCenter' } } } },
      });
      return b.with({ policyTypes: [...b.options.policyTypes, 'TAG_POLICY'], policies: [costCenter] });
    },
    nonCompliant: () => {
      const costCenter = policy('TAG_POLICY', { name: 'cost-center', content: { tags: {} } });
      return { config: listed(costCenter), site: costCenter.site };
    },
    path: 'policies[cost-center]',
    fix: "Add 'TAG_POLICY' to `policyTypes`",
    value: 'TAG_POLICY',
  },
  {
    code: 'policy-attachments-per-target',
    name: 'eleven SCPs on one OU',
    compliant: () => securityWith([FullAWSAccess, ...scps(9)]).config,
    nonCompliant: () => securityWith([FullAWSAccess, ...scps(10)]),
    path: 'organizationalUnits[/Security].policies',
    fix: 'move shared policies up to the parent OU or the root',
    message:
      /OU \/Security has 11 SCPs attached directly .*SERVICE_CONTROL_POLICY allows at most 10 per target \(AWS limit, orgops limits table 2026-05-15\)/,
    value: 11,
  },
  {
    code: 'policy-attachments-per-target',
    name: 'five RCPs plus the implicit RCPFullAWSAccess',
    compliant: () => prodWithRcps(4).config,
    nonCompliant: () => prodWithRcps(5),
    path: 'organizationalUnits[/Workloads/Prod].policies',
    fix: 'Attach at most 5',
    message: /6 RCPs .*plus RCPFullAWSAccess which AWS attaches and counts/,
    value: 6,
  },
  {
    code: 'scp-missing',
    name: 'no defaultPolicies and an OU without SCPs',
    compliant: () => baseline().with({}),
    nonCompliant: () => {
      const b = baseline();
      return { config: b.with({ defaultPolicies: undefined }), site: b.security.site };
    },
    path: 'organizationalUnits[/Security].policies',
    fix: 'defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] }',
    message: /OU \/Security would have no SCP attached/,
  },
  {
    code: 'scp-principal',
    name: 'SCP statement with a Principal',
    compliant: () => listed(scp('no-principal')),
    nonCompliant: () =>
      listedCase(
        serviceControlPolicy({
          name: 'with-principal',
          content: {
            Version: '2012-10-17',
            Statement: [{ ...denyStatement, Principal: { AWS: '*' } } as never],
          },
        }),
      ),
    path: 'policies[with-principal].content.Statement[0].Principal',
    fix: "ArnNotLike: { 'aws:PrincipalArn'",
    value: { AWS: '*' },
  },
  {
    code: 'rcp-deny-only',
    name: 'RCP statement that allows',
    compliant: () => listed(rcp('deny-only')),
    nonCompliant: () =>
      listedCase(
        resourceControlPolicy({
          name: 'allows',
          content: {
            Version: '2012-10-17',
            Statement: [
              { Sid: 'AllowAll', Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' } as never,
            ],
          },
        }),
      ),
    path: 'policies[allows].content.Statement[0].Effect',
    fix: 'Rewrite the statement as a Deny',
    message: /Statement\[0\] \(Sid AllowAll\) has Effect "Allow"/,
  },
  {
    code: 'rcp-not-action',
    name: 'RCP statement with NotAction',
    compliant: () => listed(rcp('with-action')),
    nonCompliant: () =>
      listedCase(
        resourceControlPolicy({
          name: 'not-action',
          content: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject', Resource: '*' } as never,
            ],
          },
        }),
      ),
    path: 'policies[not-action].content.Statement[0].NotAction',
    fix: 'List the denied actions explicitly in Action',
    value: 's3:GetObject',
  },
];
