import { evaluate } from '../evaluate.ts';
import { exampleResourceArn } from '../example-resource.ts';
import { PLACEHOLDER_ORGANIZATION_ID } from '../identity.ts';
import { permissionSetRoleArn } from '../principals.ts';
import { memberPrincipalContext, resourceRequestContext } from '../request-context.ts';
import { type Probe, probeResource } from './capabilities.ts';
import { chainSignature, type ReviewChain } from './chains.ts';
import type { ReviewPrincipal } from './principal.ts';

/** The most requests one review simulates; past it, the review says what it did not simulate. */
export const DEFAULT_MAX_REQUESTS = 20_000;

/**
 * Simulations for one review, memoized: accounts that share a chain and permission sets that
 * share policies are asked once. Deterministic (the same review context gives the same answers
 * and the same cut-off), so a review recomputed from a saved plan equals the one made when planning.
 */
export class ReviewSession {
  private readonly memo = new Map<string, Promise<boolean>>();
  private readonly resources = new Map<string, Promise<string>>();
  private asked = 0;
  /** True once the request budget ran out; later questions are answered `undefined`. */
  exhausted = false;

  constructor(
    private readonly organizationId: string = PLACEHOLDER_ORGANIZATION_ID,
    private readonly maxRequests: number = DEFAULT_MAX_REQUESTS,
  ) {}

  /** Whether the permission set, in the chain's account, may make the probe request from `region`. */
  async allowed(
    permissionSet: string,
    principal: ReviewPrincipal,
    chain: ReviewChain,
    probe: Probe,
    region: string,
  ): Promise<boolean | undefined> {
    const signature = chainSignature(chain);
    // A document naming the account id may decide differently for another account on the same chain.
    const accountKey = signature.includes(chain.accountId) ? chain.accountId : '';
    const key = JSON.stringify([permissionSet, principal.signature, signature, accountKey, probe, region]);
    const known = this.memo.get(key);
    if (known) return known;
    if (this.asked >= this.maxRequests) {
      this.exhausted = true;
      return undefined;
    }
    this.asked += 1;
    const answer = this.ask(permissionSet, principal, chain, probe, region);
    this.memo.set(key, answer);
    return answer;
  }

  private async ask(
    permissionSet: string,
    principal: ReviewPrincipal,
    chain: ReviewChain,
    probe: Probe,
    region: string,
  ): Promise<boolean> {
    const arn = permissionSetRoleArn(chain.accountId, permissionSet);
    const resource =
      probeResource(probe, chain.accountId, region) ??
      (await this.exampleResource(probe.action, chain.accountId, region));
    const result = await evaluate({
      principalArn: arn,
      identityPolicies: principal.identityPolicies,
      permissionsBoundary: principal.permissionsBoundary,
      serviceControlPolicies: chain.management ? undefined : chain.serviceControlPolicies,
      resourceControlPolicies: chain.management ? undefined : chain.resourceControlPolicies,
      action: probe.action,
      resource,
      resourceAccountId: chain.accountId,
      context: {
        ...resourceRequestContext(region, chain.accountId, this.organizationId),
        ...memberPrincipalContext(arn, chain.accountId, this.organizationId),
        ...probe.context,
      },
    });
    return result.decision === 'Allowed';
  }

  private exampleResource(action: string, accountId: string, region: string): Promise<string> {
    const key = `${action}\u0000${accountId}\u0000${region}`;
    let found = this.resources.get(key);
    if (!found) {
      found = exampleResourceArn(action, accountId, region);
      this.resources.set(key, found);
    }
    return found;
  }
}
