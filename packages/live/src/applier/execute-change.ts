import type { Change, ChangeKind } from '@orgops/engine';
import type { ApplyContext } from './apply-context.ts';
import { IDENTITY_CENTER_EXECUTORS } from './execute-identity-center.ts';
import { ORGANIZATIONS_EXECUTORS } from './execute-organization.ts';
import type { Executed, Executors, IdentityCenterGates } from './executor.ts';

/**
 * Every change kind's executor. The map's type lists every kind of `Change`, so a new kind fails
 * `tsc` here until it has one; there is no "unknown change" at run time (a plan file's kinds are
 * checked against the same closed set by its schema when it is loaded).
 */
export const EXECUTORS: Executors<ChangeKind> = { ...ORGANIZATIONS_EXECUTORS, ...IDENTITY_CENTER_EXECUTORS };

export function executeChange(
  ctx: ApplyContext,
  change: Change,
  gates: IdentityCenterGates,
): Promise<Executed> {
  // TypeScript cannot relate `EXECUTORS[change.kind]` to `change`'s own kind; the map's type does.
  const execute = EXECUTORS[change.kind] as (
    ctx: ApplyContext,
    change: Change,
    gates: IdentityCenterGates,
  ) => Promise<Executed>;
  return execute(ctx, change, gates);
}
