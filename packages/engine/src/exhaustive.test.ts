import { describe, expect, it } from 'vitest';
import type { Action, ChangeKind } from './change.ts';
import { handledAll } from './exhaustive.ts';
import { LANE_OF_KIND, type Lane } from './ordering/concurrency.ts';
import { KIND_PHASES } from './ordering/kind-phases.ts';
import type { PhaseName } from './plan.ts';
import { PlanBuilder } from './planner/builder.ts';
import { ACTION_SYMBOLS } from './render/symbols.ts';

/**
 * The compile-time guarantee, tested: `tsc` (run by `pnpm test` and `pnpm typecheck`) fails on
 * an unused `@ts-expect-error`, so each line below proves the compiler refuses a map or switch
 * that leaves out a change kind. `account-rename` stands for the next kind someone adds.
 */
type NextKind = ChangeKind | 'account-rename';

const isKnown = (k: NextKind): k is ChangeKind => k in LANE_OF_KIND;

describe('a new change kind is named by the compiler', () => {
  it('has no lane, no phases and no switch arm until someone gives it one', () => {
    // @ts-expect-error Property 'account-rename' is missing: no concurrency decided for it.
    const lanes: { readonly [K in NextKind]: Lane } = LANE_OF_KIND;
    // @ts-expect-error Property 'account-rename' is missing: no place in the order.
    const phases: { readonly [K in NextKind]: readonly PhaseName[] } = KIND_PHASES;
    const unhandled = (k: NextKind): void => {
      if (isKnown(k)) return;
      // @ts-expect-error 'account-rename' is not assignable to never: a switch left it out.
      handledAll(k);
    };
    // @ts-expect-error an action without a symbol does not render.
    const symbols: { readonly [A in Action | 'rename']: unknown } = ACTION_SYMBOLS;
    unhandled('account-rename');
    expect(Object.keys(lanes).sort()).toEqual(Object.keys(phases).sort());
    expect(symbols).toBe(ACTION_SYMBOLS);
  });

  it('refuses a change planned outside its kind’s phases', () => {
    const out = new PlanBuilder();
    const create = {
      kind: 'ou-create',
      action: 'create',
      path: '/Prod',
      name: 'Prod',
      parentPath: '/',
      tags: {},
      address: 'ou//Prod',
    } as const;
    out.add('create-ous', create);
    // @ts-expect-error An OU is created only in `create-ous` (KIND_PHASES).
    out.add('attachments', create);
    expect(out.phases.get('create-ous')).toEqual([create]);
  });
});
