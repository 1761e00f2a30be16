import type { OrganizationPolicy } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/**
 * Denies `organizations:LeaveOrganization` to member accounts.
 *
 * Why: an account that leaves takes itself out of every SCP, the organization trail and the
 * security services at once; an attacker with admin in one account would do exactly that first.
 * Moving an account to another organization is rare and planned: exempt a role for it then.
 *
 * @example
 * const stay = denyLeaveOrganization({ exemptPrincipalArns: ['arn:aws:iam::*:role/break-glass'] });
 */
export function denyLeaveOrganization(options: GuardrailOptions): OrganizationPolicy {
  const exempt = checkedExemptions('denyLeaveOrganization', options.exemptPrincipalArns);
  return guardrailScp(
    { name: 'deny-leave-organization', description: 'Denies member accounts leaving the organization' },
    options,
    [
      denyStatement({
        sid: 'DenyLeaveOrganization',
        actions: ['organizations:LeaveOrganization'],
        exemptPrincipalArns: exempt,
      }),
    ],
  );
}
