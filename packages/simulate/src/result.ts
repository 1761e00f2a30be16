import type { EvaluationResult, RequestDenial, RequestGrant } from '@cloud-copilot/iam-simulate';
import type { ChainLevel } from './chain.ts';

export type Decision = EvaluationResult;

/** Which kind of policy a deciding statement sits in. */
export type DecidingPolicyType =
  | 'scp'
  | 'rcp'
  | 'identity'
  | 'resource'
  | 'permissions-boundary'
  | 'endpoint';

/**
 * A statement that decided a request: for a denial, the Deny that matched (or, for an implicit
 * denial, the policy or level with no Allow); for an allowed request, the Allows it needed.
 */
export interface DecidingStatement {
  readonly policyType: DecidingPolicyType;
  /** Policy name (SCP/RCP), managed policy ARN, `inline`; absent for a level with no Allow. */
  readonly policy?: string;
  /** For SCPs and RCPs: `root`, an OU path, or `account <name>`. */
  readonly level?: string;
  readonly sid?: string;
  /** 1-based position of the statement in its policy. */
  readonly statementIndex?: number;
  /** True when nothing allowed the request here (no statement matched). */
  readonly implicit: boolean;
}

export interface SimulationResult {
  readonly decision: Decision;
  readonly decidedBy: readonly DecidingStatement[];
  /**
   * Context keys the simulator dropped because they do not apply to the action and resource: a
   * condition on one of them could never match this request.
   */
  readonly ignoredContextKeys: readonly string[];
  /** The resource ARN evaluated: the request's, or the example ARN chosen for it. */
  readonly resource: string;
  /** The request context the request was evaluated with. */
  readonly context: Readonly<Record<string, string | readonly string[]>>;
}

const POLICY_TYPES: Readonly<Record<string, DecidingPolicyType>> = {
  scp: 'scp',
  rcp: 'rcp',
  identity: 'identity',
  resource: 'resource',
  pb: 'permissions-boundary',
  vpce: 'endpoint',
};

/** Maps iam-simulate's reasons to statements named by policy, level and Sid. */
export function decidingStatements(
  reasons: readonly (RequestDenial | RequestGrant)[],
  scpLevels: readonly ChainLevel[],
  rcpLevels: readonly ChainLevel[],
): DecidingStatement[] {
  return reasons.flatMap((reason): DecidingStatement[] => {
    const policyType = POLICY_TYPES[reason.policyType];
    if (!policyType) return [];
    if ('denialType' in reason && reason.denialType === 'Implicit') {
      const isLevel = policyType === 'scp' || policyType === 'rcp';
      return [
        {
          policyType,
          ...(reason.identifier ? { [isLevel ? 'level' : 'policy']: reason.identifier } : {}),
          implicit: true,
        },
      ];
    }
    const policy = 'policyIdentifier' in reason ? reason.policyIdentifier : undefined;
    const given = 'orgIdentifier' in reason ? reason.orgIdentifier : undefined;
    const chain = policyType === 'scp' ? scpLevels : policyType === 'rcp' ? rcpLevels : [];
    const level = given ?? chain.find((l) => l.policies.some((p) => p.name === policy))?.label;
    return [
      {
        policyType,
        ...(policy !== undefined ? { policy } : {}),
        ...(level !== undefined ? { level } : {}),
        ...(reason.statementId !== undefined ? { sid: reason.statementId } : {}),
        statementIndex: reason.statementIndex,
        implicit: false,
      },
    ];
  });
}

const TYPE_WORDS: Readonly<Record<DecidingPolicyType, string>> = {
  scp: 'SCP',
  rcp: 'RCP',
  identity: 'identity policy',
  resource: 'resource policy',
  'permissions-boundary': 'permissions boundary',
  endpoint: 'VPC endpoint policy',
};

/** One statement in words: `SCP protect-security-services/ProtectSecurityHub at root`. */
export function describeStatement(s: DecidingStatement): string {
  if (s.implicit) {
    const where = s.level ? ` at ${s.level}` : s.policy ? ` ${s.policy}` : '';
    return `no ${TYPE_WORDS[s.policyType]} allows it${where}`;
  }
  const name = `${s.policy ?? TYPE_WORDS[s.policyType]}${s.sid ? `/${s.sid}` : s.statementIndex ? `#${s.statementIndex}` : ''}`;
  return `${TYPE_WORDS[s.policyType]} ${name}${s.level ? ` at ${s.level}` : ''}`;
}

/** The decision and what decided it, in one line. */
export function describeResult(result: SimulationResult): string {
  if (result.decision === 'Allowed') {
    const grants = result.decidedBy.filter((s) => s.policyType !== 'scp' && s.policyType !== 'rcp');
    return `Allowed${grants.length > 0 ? ` by ${grants.map(describeStatement).join(', ')}` : ''}`;
  }
  const reasons = result.decidedBy.map(describeStatement);
  return `${result.decision}${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}`;
}
