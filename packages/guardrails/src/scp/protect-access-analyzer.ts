import type { IdentityStatement, OrganizationPolicy } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/** IAM Access Analyzer actions that delete analyzers or auto-archive findings. */
export const ACCESS_ANALYZER_PROTECTED_ACTIONS: readonly string[] = [
  'access-analyzer:DeleteAnalyzer',
  'access-analyzer:CreateArchiveRule',
  'access-analyzer:UpdateArchiveRule',
  'access-analyzer:ApplyArchiveRule',
];

/** The statement behind {@link protectAccessAnalyzer}, for composing into a larger SCP. */
export function protectAccessAnalyzerStatement(exemptPrincipalArns: readonly string[]): IdentityStatement {
  return denyStatement({
    sid: 'ProtectAccessAnalyzer',
    actions: ACCESS_ANALYZER_PROTECTED_ACTIONS,
    exemptPrincipalArns,
  });
}

/**
 * Denies deleting IAM Access Analyzer analyzers and creating or applying archive rules.
 *
 * Why: the analyzer reports resources shared outside the organization (the zero-trust boundary).
 * Archive rules hide those findings as surely as deleting the analyzer.
 *
 * @example
 * const analyzer = protectAccessAnalyzer({ exemptPrincipalArns: ['arn:aws:iam::*:role/break-glass'] });
 */
export function protectAccessAnalyzer(options: GuardrailOptions): OrganizationPolicy {
  const exempt = checkedExemptions('protectAccessAnalyzer', options.exemptPrincipalArns);
  return guardrailScp(
    { name: 'protect-access-analyzer', description: 'Denies deleting analyzers or archiving their findings' },
    options,
    [protectAccessAnalyzerStatement(exempt)],
  );
}
