import type { AnalysisContext } from './analysis-context.ts';
import { arnLike } from './wildcards.ts';

/**
 * Who an exemption lets through, as a reviewer needs it said. `broad` exemptions take a guardrail
 * off people rather than off one named role: every Identity Center user, every principal, or any
 * role whose name matches a wildcard (anyone allowed to create a role can pick such a name).
 */
export interface ExemptionReach {
  readonly pattern: string;
  readonly broad: boolean;
  readonly words: string;
}

const PROBE_ACCOUNT = '123456789012';
const ANY_NAME = 'OrgopsProbe7x';

/** The role Identity Center provisions for a permission set, in both path forms AWS uses. */
function permissionSetRoles(name: string): string[] {
  const role = `AWSReservedSSO_${name}_0123456789abcdef`;
  return [
    `arn:aws:iam::${PROBE_ACCOUNT}:role/aws-reserved/sso.amazonaws.com/eu-west-1/${role}`,
    `arn:aws:iam::${PROBE_ACCOUNT}:role/aws-reserved/sso.amazonaws.com/${role}`,
  ];
}

/** Names of the permission sets the review knows of, in config and in AWS. */
function knownPermissionSets(ctx: AnalysisContext): string[] {
  const names = [
    ...ctx.desired.permissionSets.map((p) => p.name),
    ...(ctx.snapshot.identityCenter?.permissionSets ?? []).map((p) => p.name),
  ];
  return [...new Set(names)].sort();
}

/**
 * How far one exempt entry reaches. `pattern` is an entry as `statementWords` reads it: an ARN
 * pattern of `aws:PrincipalArn`, or `account …`, `organization …`, `principals tagged …`,
 * `AWS services`.
 */
export function exemptionReach(ctx: AnalysisContext, pattern: string): ExemptionReach {
  if (pattern.startsWith('principals tagged ')) {
    return { pattern, broad: true, words: `${pattern} (anyone who can tag a principal so)` };
  }
  if (!pattern.startsWith('arn:') && pattern !== '*') {
    const wild = /[*?]/.test(pattern);
    return { pattern, broad: wild, words: wild ? `${pattern} (a wildcard)` : pattern };
  }
  if (pattern === '*' || arnLike(pattern, `arn:aws:iam::${PROBE_ACCOUNT}:user/${ANY_NAME}`)) {
    return { pattern, broad: true, words: `${pattern} (every principal)` };
  }
  if (permissionSetRoles(ANY_NAME).some((arn) => arnLike(pattern, arn))) {
    return {
      pattern,
      broad: true,
      words: `${pattern} (every Identity Center user: the role of every permission set)`,
    };
  }
  const sets = knownPermissionSets(ctx).filter((name) =>
    permissionSetRoles(name).some((arn) => arnLike(pattern, arn)),
  );
  if (sets.length > 0) {
    return {
      pattern,
      broad: true,
      words: `${pattern} (every Identity Center user of ${sets.join(', ')})`,
    };
  }
  const resource = pattern.split(':').slice(5).join(':');
  if (/[*?]/.test(resource)) {
    const lookAlike =
      /AWSReservedSSO/i.test(resource) && !resource.includes('aws-reserved/')
        ? "; Identity Center's own roles sit under /aws-reserved/sso.amazonaws.com/ and do not match it"
        : '';
    return {
      pattern,
      broad: true,
      words: `${pattern} (any role or user whose name matches: anyone who can create a role can pick such a name${lookAlike})`,
    };
  }
  return { pattern, broad: false, words: pattern };
}
