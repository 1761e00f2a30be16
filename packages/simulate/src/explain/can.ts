import { expandAssignments } from '@orgops/engine';
import { type DesiredState, OrgopsError } from '@orgops/model';
import { findAccount } from '../accounts.ts';
import { type PrincipalSpec, permissionSet, rootUser } from '../principals.ts';
import { describeResult, type SimulationResult } from '../result.ts';
import type { Simulator } from '../simulator.ts';

/** Who asks: a permission set, a group or user (through every permission set it holds there), or the root user. */
export type Asker =
  | { readonly kind: 'permission-set'; readonly name: string }
  | { readonly kind: 'principal'; readonly type: 'GROUP' | 'USER'; readonly name: string }
  | { readonly kind: 'root' };

export interface CanQuestion {
  readonly asker: Asker;
  readonly action: string;
  /** Account name, email or id. */
  readonly account: string;
  readonly resource?: string;
  readonly resourceAccount?: string;
  readonly region?: string;
  readonly context?: Readonly<Record<string, string>>;
}

/** One way in: a permission set the asker holds there (or the root user), and what AWS would decide. */
export interface CanPath {
  /** `permission set ReadOnly`, `root user`. */
  readonly through: string;
  readonly result?: SimulationResult;
  /** The decision and the statement that made it, in words, or why it could not be simulated. */
  readonly words: string;
}

export interface CanAnswer {
  readonly allowed: boolean;
  /** `placeholder`: the config gives the account no id yet, so the simulation used a stand-in. */
  readonly account: { readonly name: string; readonly id: string; readonly placeholder: boolean };
  readonly paths: readonly CanPath[];
  /** Why nothing was simulated (the asker holds nothing there), when `paths` is empty. */
  readonly reason?: string;
}

/**
 * "Can ASKER do ACTION (on RESOURCE) in ACCOUNT?" A group or user can when any permission set it
 * holds in the account can; each is answered with the statement that decides it.
 *
 * @throws OrgopsError `can-asker-invalid`, or the simulator's coded errors for a bad request.
 */
export async function can(desired: DesiredState, sim: Simulator, q: CanQuestion): Promise<CanAnswer> {
  const account = findAccount(desired, sim.identity, q.account);
  const accountId = sim.identity.accountIds.get(account.email) ?? '';
  const ask = async (through: string, principal: PrincipalSpec): Promise<CanPath> => {
    try {
      const result = await sim.simulate({
        principal,
        action: q.action,
        ...(q.resource !== undefined ? { resource: q.resource } : {}),
        ...(q.resourceAccount !== undefined ? { resourceAccount: q.resourceAccount } : {}),
        ...(q.region !== undefined ? { region: q.region } : {}),
        ...(q.context ? { context: q.context } : {}),
      });
      return { through, result, words: describeResult(result) };
    } catch (err) {
      // A policy orgops cannot read is said, per path, never taken as a denial.
      if (
        err instanceof OrgopsError &&
        ['simulation-policy-unknown', 'managed-policy-unknown'].includes(err.code)
      )
        return { through, words: `not simulated: ${err.message}` };
      throw err;
    }
  };
  let paths: CanPath[] = [];
  let reason: string | undefined;
  if (q.asker.kind === 'root') {
    paths = [await ask('root user', rootUser(account.email))];
  } else if (q.asker.kind === 'permission-set') {
    const name = q.asker.name;
    if (!desired.permissionSets.some((p) => p.name === name)) {
      throw new OrgopsError(
        'can-asker-invalid',
        `no permission set "${name}"; there are: ${desired.permissionSets.map((p) => p.name).join(', ')}.`,
      );
    }
    const assigned = expandAssignments(desired).some(
      (t) => t.permissionSet === name && t.email === account.email,
    );
    if (assigned) paths = [await ask(`permission set ${name}`, permissionSet(name, account.email))];
    else
      reason = `permission set ${name} is not assigned in ${account.name}: nobody can sign in with it there`;
  } else {
    const { type, name } = q.asker;
    const held = [
      ...new Set(
        expandAssignments(desired)
          .filter((t) => t.principalType === type && t.principalName === name && t.email === account.email)
          .map((t) => t.permissionSet),
      ),
    ].sort();
    for (const ps of held) paths.push(await ask(`permission set ${ps}`, permissionSet(ps, account.email)));
    if (held.length === 0)
      reason = `${type.toLowerCase()} ${name} holds no permission set in ${account.name}`;
  }
  return {
    allowed: paths.some((p) => p.result?.decision === 'Allowed'),
    account: { name: account.name, id: accountId, placeholder: account.id === undefined },
    paths,
    ...(reason ? { reason } : {}),
  };
}

/**
 * `permission-set:NAME` (or `ps:`), `group:NAME`, `user:NAME` or `root`.
 *
 * @throws OrgopsError `can-asker-invalid` saying how to write one.
 */
export function parseAsker(text: string): Asker {
  if (text === 'root') return { kind: 'root' };
  const colon = text.indexOf(':');
  const prefix = colon > 0 ? text.slice(0, colon).toLowerCase() : '';
  const name = text.slice(colon + 1);
  if (name) {
    if (prefix === 'permission-set' || prefix === 'ps') return { kind: 'permission-set', name };
    if (prefix === 'group') return { kind: 'principal', type: 'GROUP', name };
    if (prefix === 'user') return { kind: 'principal', type: 'USER', name };
  }
  throw new OrgopsError(
    'can-asker-invalid',
    `"${text}" is not a principal orgops can ask about: write group:NAME, user:NAME, permission-set:NAME (or ps:NAME), or root.`,
  );
}
