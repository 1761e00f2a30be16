import { type OrganizationPolicy, OrgopsError } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';
import { GLOBAL_SERVICE_ACTIONS } from './global-services.ts';

export interface RegionAllowListOptions extends GuardrailOptions {
  /**
   * Leave global services ({@link GLOBAL_SERVICE_ACTIONS}) out of the deny. Defaults to `true`;
   * `false` denies them too, which breaks IAM, Organizations and billing unless `us-east-1` is in
   * the list. Only turn it off for an OU whose accounts must not touch global services at all.
   */
  readonly exemptGlobalServices?: boolean;
  /** Further actions to leave out of the deny, e.g. a new global service. */
  readonly additionalExemptActions?: readonly string[];
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/**
 * Denies requests to Regions outside an allow-list.
 *
 * Why: a smaller footprint is a smaller attack surface. Stolen credentials are typically used to
 * mine in Regions nobody watches, and data residency commitments name Regions. GuardDuty, Config
 * and CloudTrail coverage only has to be proven where work is allowed.
 *
 * @example
 * const regions = regionAllowList(['us-east-1', 'eu-west-1'], {
 *   exemptPrincipalArns: ['arn:aws:iam::*:role/orgops-apply'],
 * });
 */
export function regionAllowList(
  regions: readonly string[],
  options: RegionAllowListOptions,
): OrganizationPolicy {
  const allowed = [...new Set(regions)].sort();
  if (allowed.length === 0) {
    throw new OrgopsError(
      'guardrail-options-invalid',
      'regionAllowList: the list of Regions is empty, which would deny every Region.',
    );
  }
  const bad = allowed.filter((r) => !REGION.test(r));
  if (bad.length > 0) {
    throw new OrgopsError(
      'guardrail-options-invalid',
      `regionAllowList: ${bad.map((r) => `"${r}"`).join(', ')} ${bad.length === 1 ? 'is not a Region code' : 'are not Region codes'}; use codes such as "eu-west-1".`,
    );
  }
  const exempt = checkedExemptions('regionAllowList', options.exemptPrincipalArns);
  const exemptActions = [
    ...new Set([
      ...(options.exemptGlobalServices === false ? [] : GLOBAL_SERVICE_ACTIONS),
      ...(options.additionalExemptActions ?? []),
    ]),
  ];
  const condition = { StringNotEquals: { 'aws:RequestedRegion': allowed } };
  return guardrailScp(
    { name: 'region-allow-list', description: `Denies Regions other than ${allowed.join(', ')}` },
    options,
    [
      denyStatement({
        sid: 'DenyOtherRegions',
        ...(exemptActions.length > 0 ? { notActions: exemptActions } : { actions: ['*'] }),
        condition,
        exemptPrincipalArns: exempt,
      }),
    ],
  );
}
