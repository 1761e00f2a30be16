import type { OrganizationPolicy } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/**
 * Denies every action: the quarantine policy for a Suspended OU or a compromised account.
 *
 * Why: containment first. An account moved under it keeps its resources (for forensics and for
 * closure) but no principal in it can act, except the exempt ones, typically the break-glass or a
 * forensics role. Service-linked roles are not bound by SCPs and keep running.
 *
 * @example
 * const quarantine = denyAll({ exemptPrincipalArns: ['arn:aws:iam::*:role/break-glass'] });
 */
export function denyAll(options: GuardrailOptions): OrganizationPolicy {
  const exempt = checkedExemptions('denyAll', options.exemptPrincipalArns);
  return guardrailScp(
    { name: 'deny-all', description: 'Quarantine: denies every action in the accounts below' },
    options,
    [denyStatement({ sid: 'DenyAll', actions: ['*'], exemptPrincipalArns: exempt })],
  );
}
