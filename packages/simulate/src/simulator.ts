import { isWildcardOnlyAction } from '@cloud-copilot/iam-simulate';
import { type DesiredState, OrgopsError } from '@orgops/model';
import { findAccount } from './accounts.ts';
import { type AccountChain, accountChain } from './chain.ts';
import { evaluate } from './evaluate.ts';
import { exampleResourceArn } from './example-resource.ts';
import { type SimulationIdentity, type SimulationIdentityOptions, simulationIdentity } from './identity.ts';
import type { PrincipalSpec } from './principals.ts';
import { resourceRequestContext } from './request-context.ts';
import {
  type CustomerManagedPolicyResolver,
  type ResolvedPrincipal,
  resolvePrincipal,
} from './resolve-principal.ts';
import type { SimulationResult } from './result.ts';

/** One request: can PRINCIPAL do ACTION on RESOURCE (in RESOURCE ACCOUNT), from REGION. */
export interface SimulationRequest {
  readonly principal: PrincipalSpec;
  /** `service:Action`, e.g. `s3:DeleteObject`. */
  readonly action: string;
  /**
   * One resource ARN. Defaults to `*` for actions without resource types, and otherwise to an
   * example ARN of the action's first required resource type in the resource account and Region
   * ({@link exampleResourceArn}): name the resource when a guardrail depends on it.
   */
  readonly resource?: string;
  /**
   * The account that owns the resource (name, email or id; an id outside the organization is an
   * external account). Decides the RCP chain. Defaults to the principal's account.
   */
  readonly resourceAccount?: string;
  /** `aws:RequestedRegion`; defaults to `us-east-1`, where global services are signed. */
  readonly region?: string;
  /** Further request context, or overrides of what AWS would fill in. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
  /** Context keys AWS would fill in that this request lacks (e.g. `aws:ResourceOrgID`). */
  readonly omitContext?: readonly string[];
  /** The resource's own policy (bucket policy, key policy, trust policy). */
  readonly resourcePolicy?: unknown;
}

export interface SimulatorOptions extends SimulationIdentityOptions {
  /** Supplies customer managed policy documents, which live in accounts and not in config. */
  readonly customerManagedPolicy?: CustomerManagedPolicyResolver;
}

/** Answers "can PRINCIPAL do ACTION on RESOURCE in ACCOUNT" for one organization config. */
export interface Simulator {
  readonly identity: SimulationIdentity;
  /** The effective SCP and RCP chains of an account. */
  chain(account: string): AccountChain;
  simulate(request: SimulationRequest): Promise<SimulationResult>;
}

const ACCOUNT_ID = /^\d{12}$/;
/** Where global services are signed: the default Region rules must never block. */
const DEFAULT_REGION = 'us-east-1';

/**
 * A simulator over a normalized organization config, evaluating with `@cloud-copilot/iam-simulate`:
 * the principal's identity policies (AWS managed documents included), permissions boundary, the
 * SCP chain of the principal's account, the RCP chain of the resource's account and the resource
 * policy, with the request context AWS would fill in.
 *
 * @example
 * const sim = createSimulator(normalize(org));
 * const r = await sim.simulate({ principal: permissionSet('PlatformAdmin', 'log-archive'),
 *   action: 's3:DeleteObject', resource: 'arn:aws:s3:::org-trail/AWSLogs/x', region: 'us-east-1' });
 * r.decision; // 'ExplicitlyDenied'
 * describeResult(r); // 'ExplicitlyDenied by SCP protect-log-archive/ProtectLogObjects at account log-archive'
 */
export function createSimulator(desired: DesiredState, options: SimulatorOptions = {}): Simulator {
  const identity = simulationIdentity(desired, options);
  return {
    identity,
    chain: (account) => accountChain(desired, identity, account),
    simulate: async (request) => {
      await checkResource(request);
      const principal = await resolvePrincipal(
        desired,
        identity,
        request.principal,
        options.customerManagedPolicy,
      );
      const resourceSide = resourceSideOf(desired, identity, principal, request);
      const context = requestContext(principal, resourceSide, identity, request);
      const resource =
        request.resource ??
        (await exampleResourceArn(request.action, resourceSide.accountId, request.region ?? DEFAULT_REGION));
      return evaluate({
        principalArn: principal.arn,
        identityPolicies: principal.identityPolicies,
        permissionsBoundary: principal.permissionsBoundary,
        serviceControlPolicies:
          principal.boundBySCPs && principal.chain ? principal.chain.serviceControlPolicies : undefined,
        resourceControlPolicies:
          resourceSide.chain && !resourceSide.chain.management
            ? resourceSide.chain.resourceControlPolicies
            : undefined,
        action: request.action,
        resource,
        resourceAccountId: resourceSide.accountId,
        context,
        ...(request.resourcePolicy !== undefined ? { resourcePolicy: request.resourcePolicy } : {}),
      });
    },
  };
}

/**
 * A wildcard resource makes iam-simulate try whatever patterns the policies happen to contain, and
 * report an implicit denial that no policy made when there are none: one request, one resource.
 */
async function checkResource(request: SimulationRequest): Promise<void> {
  const [service, name] = request.action.split(':');
  const resource = request.resource;
  if (!service || !name || /[*?]/.test(request.action)) {
    throw new OrgopsError('simulation-request-invalid', `"${request.action}" is not one service:Action.`);
  }
  if (resource === undefined) return;
  let wildcardOnly: boolean;
  try {
    wildcardOnly = await isWildcardOnlyAction(service, name);
  } catch {
    throw new OrgopsError(
      'simulation-request-invalid',
      `${request.action} is not in the IAM catalogue; check the spelling.`,
    );
  }
  if (!wildcardOnly && /[*?]/.test(resource)) {
    throw new OrgopsError(
      'simulation-request-invalid',
      `${request.action} acts on a resource type; name one resource ARN instead of "${resource}".`,
    );
  }
}

interface ResourceSide {
  readonly accountId: string;
  /** The owning account's chain, when it is an account of the organization. */
  readonly chain: AccountChain | undefined;
}

function resourceSideOf(
  desired: DesiredState,
  identity: SimulationIdentity,
  principal: ResolvedPrincipal,
  request: SimulationRequest,
): ResourceSide {
  const ref = request.resourceAccount;
  if (ref === undefined) {
    if (!principal.chain) {
      throw new OrgopsError(
        'simulation-request-invalid',
        `${request.action}: name the resourceAccount when the principal belongs to no account of the organization.`,
      );
    }
    return { accountId: principal.chain.accountId, chain: principal.chain };
  }
  if (ACCOUNT_ID.test(ref) && ![...identity.accountIds.values()].includes(ref)) {
    return { accountId: ref, chain: undefined };
  }
  const account = findAccount(desired, identity, ref);
  const chain = accountChain(desired, identity, account.email);
  return { accountId: chain.accountId, chain };
}

function requestContext(
  principal: ResolvedPrincipal,
  resource: ResourceSide,
  identity: SimulationIdentity,
  request: SimulationRequest,
): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {
    ...resourceRequestContext(
      request.region ?? DEFAULT_REGION,
      resource.accountId,
      resource.chain ? identity.organizationId : undefined,
    ),
    ...principal.context,
  };
  for (const [key, value] of Object.entries(request.context ?? {})) {
    context[key] = typeof value === 'string' ? value : [...value];
  }
  for (const key of request.omitContext ?? []) delete context[key];
  return context;
}
