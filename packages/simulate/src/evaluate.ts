import {
  getDenialReasons,
  getGrantReasons,
  type RequestAnalysis,
  runSimulation,
  type Simulation,
} from '@cloud-copilot/iam-simulate';
import { OrgopsError } from '@orgops/model';
import type { ChainLevel } from './chain.ts';
import type { NamedPolicy } from './resolve-principal.ts';
import { type DecidingStatement, decidingStatements, type SimulationResult } from './result.ts';

/**
 * One request with everything resolved: the principal's policies, the chains that bind it and the
 * resource, and the request context. `createSimulator` builds it from a config; the review
 * analyzer builds it from a plan's review context, so both evaluate the same way.
 */
export interface EvaluationInput {
  /** The ARN AWS sees, or undefined for an anonymous request. */
  readonly principalArn: string | undefined;
  readonly identityPolicies: readonly NamedPolicy[];
  readonly permissionsBoundary: readonly NamedPolicy[];
  /** The principal's SCP chain, root first; undefined when no SCP binds it (management account, services, outsiders). */
  readonly serviceControlPolicies: readonly ChainLevel[] | undefined;
  /** The resource account's RCP chain, root first; undefined when no RCP applies (management account, outside). */
  readonly resourceControlPolicies: readonly ChainLevel[] | undefined;
  readonly action: string;
  /** One concrete resource ARN, or `*` for a wildcard-only action. */
  readonly resource: string;
  readonly resourceAccountId: string;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  readonly resourcePolicy?: unknown;
}

/**
 * Evaluates one request with `@cloud-copilot/iam-simulate` (strict mode: a condition on a key the
 * request does not carry does not match) and names the statements that decided it.
 *
 * @throws OrgopsError `simulation-invalid` when iam-simulate refuses the input (a malformed policy).
 */
export async function evaluate(input: EvaluationInput): Promise<SimulationResult> {
  const context: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(input.context))
    context[key] = typeof value === 'string' ? value : [...value];
  const simulation: Simulation = {
    request: {
      principal: input.principalArn ?? { type: 'Anonymous' },
      action: input.action,
      resource: { resource: input.resource, accountId: input.resourceAccountId },
      contextVariables: context,
    },
    identityPolicies: input.identityPolicies.map((p) => ({ name: p.name, policy: p.policy })),
    serviceControlPolicies: input.serviceControlPolicies ? levels(input.serviceControlPolicies) : [],
    resourceControlPolicies: input.resourceControlPolicies ? levels(input.resourceControlPolicies) : [],
    ...(input.permissionsBoundary.length > 0
      ? {
          permissionBoundaryPolicies: input.permissionsBoundary.map((p) => ({
            name: p.name,
            policy: p.policy,
          })),
        }
      : {}),
    ...(input.resourcePolicy !== undefined ? { resourcePolicy: input.resourcePolicy } : {}),
  };
  const run = await runSimulation(simulation, { simulationMode: 'Strict' });
  if (run.resultType === 'error') {
    throw new OrgopsError(
      'simulation-invalid',
      `cannot simulate ${input.action}: ${run.errors.message} ${JSON.stringify(run.errors)}`,
    );
  }
  const analyses: { analysis: RequestAnalysis; ignored: readonly string[] }[] =
    run.resultType === 'single'
      ? [{ analysis: run.result.analysis, ignored: run.result.ignoredContextKeys ?? [] }]
      : run.results.map((r) => ({ analysis: r.analysis, ignored: r.ignoredContextKeys ?? [] }));
  const scpLevels = input.serviceControlPolicies ?? [];
  const rcpLevels = input.resourceControlPolicies ?? [];
  const decidedBy: DecidingStatement[] = [];
  for (const { analysis } of analyses) {
    const reasons = run.overallResult === 'Allowed' ? getGrantReasons(analysis) : getDenialReasons(analysis);
    for (const s of decidingStatements(reasons, scpLevels, rcpLevels)) {
      if (!decidedBy.some((d) => sameStatement(d, s))) decidedBy.push(s);
    }
  }
  return {
    decision: run.overallResult,
    decidedBy,
    ignoredContextKeys: [...new Set(analyses.flatMap((a) => a.ignored))].sort(),
    resource: input.resource,
    context,
  };
}

function levels(chain: readonly ChainLevel[]): Simulation['serviceControlPolicies'] {
  return chain.map((level) => ({
    orgIdentifier: level.label,
    policies: level.policies.map((p) => ({ name: p.name, policy: p.document })),
  }));
}

function sameStatement(a: DecidingStatement, b: DecidingStatement): boolean {
  return (
    a.policyType === b.policyType &&
    a.policy === b.policy &&
    a.level === b.level &&
    a.sid === b.sid &&
    a.statementIndex === b.statementIndex
  );
}
