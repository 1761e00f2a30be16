import type { AccountRef, AccountState, PrincipalRef, Snapshot, TargetRef } from '@orgops/engine';
import { type ErrorCode, OrgopsError } from '@orgops/model';
import { IdentityLookup } from '../identity-lookup.ts';
import type { Clock } from '../pacing/clock.ts';
import { type Backend, isServiceError } from '../ports.ts';
import { OuTree } from './ou-tree.ts';
import type { ApplyEvent } from './types.ts';

/** Thrown by work that was queued but never started because the apply halted. */
export class NotStarted extends Error {
  override readonly name = 'NotStarted';
}

/**
 * An asynchronous request (CreateAccount, an assignment, provisioning) that AWS accepted and then
 * failed: the call succeeded, the failure shows only in the request's status.
 */
export class AsyncRequestFailed extends OrgopsError {
  override readonly name = 'AsyncRequestFailed';
  constructor(
    code: ErrorCode,
    message: string,
    /** `service:Operation` that started the request. */
    readonly operation: string,
    /** The status's failure reason when AWS gives a code for it (CreateAccount does). */
    readonly reason?: string,
  ) {
    super(code, message, 'internal');
  }
}

const RETRYABLE = ['ConcurrentModificationException', 'TooManyRequestsException', 'ThrottlingException'];

/**
 * Ids the applier needs, resolved from the fresh snapshot and from what earlier changes created:
 * OU path -> id, account email -> id, policy type/name -> id, permission set name -> arn,
 * principal -> id.
 */
export class ApplyContext {
  readonly rootId: string;
  /** The OU tree as the apply changes it (see `ou-tree.ts`). */
  readonly ous: OuTree;
  private readonly accountIds = new Map<string, string>();
  private readonly accountStates = new Map<string, AccountState>();
  private readonly accountParents = new Map<string, string>();
  private readonly policyIds = new Map<string, string>();
  private readonly permissionSetArns = new Map<string, string>();
  private readonly lookup: IdentityLookup | undefined;
  /** Set after the first failure: queued work that has not started yet must not start. */
  halted = false;

  constructor(
    readonly backend: Backend,
    readonly snapshot: Snapshot,
    readonly emit: (e: ApplyEvent) => void,
    readonly pollIntervalMs: number,
    readonly maxPolls: number,
    readonly clock: Clock,
  ) {
    this.rootId = snapshot.root.id;
    this.ous = new OuTree(snapshot.root.id, snapshot.ous);
    for (const a of snapshot.accounts) {
      this.accountIds.set(a.email.toLowerCase(), a.id);
      this.accountStates.set(a.id, a.state);
      this.accountParents.set(a.id, a.parentId);
    }
    for (const p of snapshot.policies) this.policyIds.set(`${p.type}/${p.name}`, p.id);
    const ic = snapshot.identityCenter;
    for (const ps of ic?.permissionSets ?? []) this.permissionSetArns.set(ps.name, ps.arn);
    if (ic) {
      this.lookup = new IdentityLookup(backend.identityStore, ic.identityStoreId);
      this.lookup.prime(
        'GROUP',
        ic.principals.filter((p) => p.type === 'GROUP'),
      );
      this.lookup.prime(
        'USER',
        ic.principals.filter((p) => p.type === 'USER'),
      );
    }
  }

  get instanceArn(): string {
    const ic = this.snapshot.identityCenter;
    if (!ic)
      throw new OrgopsError(
        'no-identity-center',
        'The organization has no IAM Identity Center instance.',
        'user',
      );
    return ic.instanceArn;
  }

  /** Id of the OU at `path` as config names it (root: `/`), including OUs this apply created. */
  ouId(path: string): string {
    return this.ous.idAt(path);
  }

  accountId(ref: AccountRef): string {
    const id = ref.id ?? this.accountIds.get(ref.email.toLowerCase());
    if (!id)
      throw new OrgopsError(
        'account-not-found',
        `No account ${ref.name} <${ref.email}> in the organization.`,
        'internal',
      );
    return id;
  }

  accountState(id: string): AccountState | undefined {
    return this.accountStates.get(id);
  }

  addAccount(email: string, id: string, parentId: string): void {
    this.accountIds.set(email.toLowerCase(), id);
    this.accountStates.set(id, 'ACTIVE');
    this.accountParents.set(id, parentId);
  }

  accountParent(id: string): string {
    return this.accountParents.get(id) ?? this.rootId;
  }

  setAccountParent(id: string, parentId: string): void {
    this.accountParents.set(id, parentId);
  }

  setAccountState(id: string, state: AccountState): void {
    this.accountStates.set(id, state);
  }

  policyId(type: string, name: string): string {
    const id = this.policyIds.get(`${type}/${name}`);
    if (!id)
      throw new OrgopsError('policy-not-found', `No ${type} named ${name} in the organization.`, 'internal');
    return id;
  }

  setPolicy(type: string, name: string, id: string): void {
    this.policyIds.set(`${type}/${name}`, id);
  }

  targetId(target: TargetRef): string {
    if (target.kind === 'root') return this.rootId;
    if (target.kind === 'ou') return this.ouId(target.path);
    return this.accountId(target.account);
  }

  permissionSetArn(name: string): string {
    const arn = this.permissionSetArns.get(name);
    if (!arn)
      throw new OrgopsError('permission-set-not-found', `No permission set named ${name}.`, 'internal');
    return arn;
  }

  setPermissionSet(name: string, arn: string): void {
    this.permissionSetArns.set(name, arn);
  }

  async principalId(ref: PrincipalRef): Promise<string> {
    if (ref.id) return ref.id;
    const id = this.lookup ? await this.lookup.idOf(ref.type, ref.name) : undefined;
    if (!id)
      throw new OrgopsError(
        'principal-not-found',
        `No ${ref.type === 'GROUP' ? 'group' : 'user'} named ${ref.name} in the identity store.`,
        'user',
      );
    return id;
  }

  /**
   * Polls `check` until `done` says so. Throws `poll-timeout` after `maxPolls`, which leaves the
   * request running in AWS; a re-plan shows where it got.
   */
  async poll<T>(
    address: string,
    what: string,
    first: T,
    check: () => Promise<T>,
    done: (t: T) => boolean,
  ): Promise<T> {
    let current = first;
    for (let i = 0; !done(current); i++) {
      if (i >= this.maxPolls)
        throw new OrgopsError(
          'poll-timeout',
          `${what} was still in progress after ${this.maxPolls} polls.`,
          'internal',
        );
      if (i === 0) this.emit({ kind: 'wait', address, message: `waiting for ${what}` });
      await this.clock.sleep(this.pollIntervalMs);
      current = await check();
    }
    return current;
  }

  /**
   * Retries the conflicts AWS asks callers to retry (the SDK does not): concurrent modification,
   * sso-admin ConflictException, throttling. Anything else fails at once.
   */
  async retrying<T>(call: () => Promise<T>, alsoRetry: readonly string[] = [], attempts = 4): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const retryable =
          isServiceError(err) && (RETRYABLE.includes(err.code) || alsoRetry.includes(err.code));
        if (!retryable || attempt >= attempts) throw err;
        await this.clock.sleep(this.pollIntervalMs * 2 ** attempt);
      }
    }
  }
}
