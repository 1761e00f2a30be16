import { type OrganizationPolicy, policy } from '../../src/index.ts';
import { baseline } from '../fixture.ts';
import type { RuleCase } from './case.ts';

const enabled = (p: OrganizationPolicy) => {
  const b = baseline();
  return b.with({ policyTypes: [...b.options.policyTypes, p.type], policies: [p] });
};
const enabledCase = (p: OrganizationPolicy) => ({ config: enabled(p), site: p.site });
const tagPolicy = (content: unknown) => policy('TAG_POLICY', { name: 'cost-center', content });
const aiOptOut = (content: unknown) => policy('AISERVICES_OPT_OUT_POLICY', { name: 'opt-out', content });

const costCenter = {
  tags: { costcenter: { tag_key: { '@@assign': 'CostCenter' }, tag_value: { '@@assign': ['100', '200'] } } },
};
const optOutAll = {
  services: {
    '@@operators_allowed_for_child_policies': ['@@none'],
    default: {
      opt_out_policy: { '@@operators_allowed_for_child_policies': ['@@none'], '@@assign': 'optOut' },
    },
  },
};

export const managementPolicyCases: RuleCase[] = [
  {
    code: 'management-policy-document',
    name: 'tag policy value written bare, as an effective policy displays it',
    compliant: () => enabled(tagPolicy(costCenter)),
    nonCompliant: () => enabledCase(tagPolicy({ tags: { costcenter: { tag_key: 'CostCenter' } } })),
    path: 'policies[cost-center].content.tags.costcenter.tag_key',
    fix: 'Write "tag_key": { "@@assign": "CostCenter" }',
    value: 'CostCenter',
  },
  {
    code: 'management-policy-document',
    name: 'tag policy under a misspelt top-level key',
    compliant: () => enabled(tagPolicy(JSON.stringify(costCenter))),
    nonCompliant: () => enabledCase(tagPolicy({ tag: costCenter.tags })),
    path: 'policies[cost-center].content.tag',
    fix: 'Rename "tag" to "tags"',
    message: /exactly one top-level key, "tags"; did you mean tags\?/,
  },
  {
    code: 'management-policy-document',
    name: 'misspelt inheritance operator',
    compliant: () => enabled(tagPolicy(costCenter)),
    nonCompliant: () =>
      enabledCase(tagPolicy({ tags: { costcenter: { tag_key: { '@@asign': 'CostCenter' } } } })),
    path: 'policies[cost-center].content.tags.costcenter.tag_key["@@asign"]',
    fix: 'Rename "@@asign" to "@@assign"',
  },
  {
    code: 'management-policy-document',
    name: 'tag key that does not match its policy key',
    compliant: () => enabled(tagPolicy(costCenter)),
    nonCompliant: () =>
      enabledCase(tagPolicy({ tags: { costcenter: { tag_key: { '@@assign': 'Owner' } } } })),
    path: 'policies[cost-center].content.tags.costcenter.tag_key["@@assign"]',
    fix: 'Write "tag_key": { "@@assign": "costcenter" }',
  },
  {
    code: 'management-policy-document',
    name: 'AI opt-out value with the wrong case',
    compliant: () => enabled(aiOptOut(optOutAll)),
    nonCompliant: () =>
      enabledCase(aiOptOut({ services: { default: { opt_out_policy: { '@@assign': 'optout' } } } })),
    path: 'policies[opt-out].content.services.default.opt_out_policy["@@assign"]',
    fix: 'Write "@@assign": "optOut"',
    message: /did you mean "optOut"\?/,
  },
  {
    code: 'management-policy-document',
    name: 'AI opt-out with @@append',
    compliant: () => enabled(aiOptOut(optOutAll)),
    nonCompliant: () =>
      enabledCase(aiOptOut({ services: { default: { opt_out_policy: { '@@append': ['optOut'] } } } })),
    path: 'policies[opt-out].content.services.default.opt_out_policy["@@append"]',
    fix: 'Use "@@assign": "optOut"',
  },
];
