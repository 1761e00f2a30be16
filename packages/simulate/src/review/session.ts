import { actionMatches } from '@orgops/engine';
import { asArray } from '@orgops/model';
import { policyStatements } from '../catalogue.ts';
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
  /** Long signatures (whole documents) as short ids, so memo keys stay small. */
  private readonly interned = new Map<string, number>();
  private readonly chainIds = new WeakMap<
    ReviewChain,
    { id: number; mentions: (accountId: string) => boolean }
  >();
  private readonly coverage = new Map<string, boolean>();
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
    // No Allow of the permission set names the action: no chain can make it allowed.
    if (!this.mayAllow(principal, probe.action)) return false;
    const chainKey = this.chainKey(chain);
    // A document naming the account id may decide differently for another account on the same chain.
    const accountKey = chainKey.mentions(chain.accountId) ? chain.accountId : '';
    const key = JSON.stringify([
      permissionSet,
      this.intern(principal.signature),
      chainKey.id,
      accountKey,
      probe,
      region,
    ]);
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

  private intern(signature: string): number {
    let id = this.interned.get(signature);
    if (id === undefined) {
      id = this.interned.size;
      this.interned.set(signature, id);
    }
    return id;
  }

  private chainKey(chain: ReviewChain): { id: number; mentions: (accountId: string) => boolean } {
    let key = this.chainIds.get(chain);
    if (!key) {
      const signature = chainSignature(chain);
      key = { id: this.intern(signature), mentions: (accountId) => signature.includes(accountId) };
      this.chainIds.set(chain, key);
    }
    return key;
  }

  /**
   * Whether any Allow of the permission set's policies names the action (by `Action` or
   * `NotAction`), conditions and resources aside: a cheap, sound filter before a simulation.
   */
  private mayAllow(principal: ReviewPrincipal, action: string): boolean {
    const key = `${this.intern(principal.signature)}\u0000${action}`;
    let known = this.coverage.get(key);
    if (known === undefined) {
      known = principal.identityPolicies.some((p) =>
        policyStatements(p.policy).some(
          (s) =>
            s.Effect === 'Allow' &&
            (s.Action !== undefined
              ? asArray(s.Action).some((a) => typeof a === 'string' && actionMatches(a, action))
              : s.NotAction !== undefined &&
                !asArray(s.NotAction).some((a) => typeof a === 'string' && actionMatches(a, action))),
        ),
      );
      this.coverage.set(key, known);
    }
    return known;
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
