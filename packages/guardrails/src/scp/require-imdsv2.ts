import type { OrganizationPolicy } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/**
 * Requires the EC2 instance metadata service v2 (session tokens) on every new instance.
 *
 * Why: IMDSv1 answers any GET, so one server-side request forgery bug hands out the instance
 * role's credentials (the Capital One breach). Three statements: no `RunInstances` unless
 * `MetadataHttpTokens` is `required`; no `ModifyInstanceMetadataOptions` unless the request sets
 * `HttpTokens` to `required` (`ec2:Attribute/HttpTokens`, the requested value; `ec2:MetadataHttpTokens`
 * on a modification is the instance's current one), so anyone may tighten an instance to IMDSv2
 * and nobody but the exempt roles turns v1 back on; and credentials delivered through IMDSv1
 * (`ec2:RoleDelivery` below 2.0) are refused everywhere, which also covers instances launched
 * before the policy. Left open: the account-level IMDS defaults (`ModifyInstanceMetadataDefaults`),
 * which launches must still override with `required` to pass the first statement.
 *
 * @example
 * const imdsV2 = requireImdsV2({ exemptPrincipalArns: ['arn:aws:iam::*:role/break-glass'] });
 */
export function requireImdsV2(options: GuardrailOptions): OrganizationPolicy {
  const exempt = checkedExemptions('requireImdsV2', options.exemptPrincipalArns);
  return guardrailScp(
    {
      name: 'require-imdsv2',
      description: 'Requires IMDSv2 on EC2 instances and refuses IMDSv1 role credentials',
    },
    options,
    [
      denyStatement({
        sid: 'RequireImdsV2OnLaunch',
        actions: ['ec2:RunInstances'],
        resources: ['arn:aws:ec2:*:*:instance/*'],
        condition: { StringNotEquals: { 'ec2:MetadataHttpTokens': 'required' } },
        exemptPrincipalArns: exempt,
      }),
      denyStatement({
        sid: 'DenyMetadataOptionChanges',
        actions: ['ec2:ModifyInstanceMetadataOptions'],
        resources: ['arn:aws:ec2:*:*:instance/*'],
        condition: { StringNotEquals: { 'ec2:Attribute/HttpTokens': 'required' } },
        exemptPrincipalArns: exempt,
      }),
      denyStatement({
        sid: 'DenyImdsV1RoleCredentials',
        actions: ['*'],
        condition: { NumericLessThan: { 'ec2:RoleDelivery': '2.0' } },
        exemptPrincipalArns: exempt,
      }),
    ],
  );
}
