import fc from 'fast-check';
import { sandbox } from './helpers.ts';
import { buildConfig, type KnownIds } from './property-build.ts';
import {
  applyConsoleEdit,
  type ConsoleEdit,
  consoleEdit,
  type Foreign,
  foreign,
  setUpForeign,
} from './property-console.ts';
import { anyIgnore, change, coveringIgnore, growth } from './property-generators.ts';
import { applyMutation, type Mutation } from './property-mutations.ts';
import { planApplyAndJudge, type StepOutcome } from './property-step.ts';
import { EMPTY_WORLD, type IgnoreSpec, type World } from './property-world.ts';

/** A whole generated case: what others own, the first config, then edits by hand and by config. */
export interface Scenario {
  readonly foreign: Foreign;
  readonly ignore: IgnoreSpec;
  readonly first: readonly Mutation[];
  readonly steps: readonly {
    readonly console: readonly ConsoleEdit[];
    readonly mutations: readonly Mutation[];
  }[];
}

export const scenario: fc.Arbitrary<Scenario> = fc.record({
  foreign,
  // Mostly an ignore that covers what the foreign setup creates, so the first plan is not refused.
  ignore: fc.oneof({ weight: 4, arbitrary: coveringIgnore }, { weight: 1, arbitrary: anyIgnore }),
  first: fc.array(growth, { minLength: 3, maxLength: 14 }),
  steps: fc.array(
    fc.record({
      console: fc.oneof(
        { weight: 1, arbitrary: fc.constant([] as ConsoleEdit[]) },
        { weight: 1, arbitrary: fc.array(consoleEdit, { minLength: 1, maxLength: 3 }) },
      ),
      mutations: fc.array(change, { minLength: 1, maxLength: 6 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/** Outcomes of every step over a run, so a test can tell a vacuous pass from a real one. */
export interface Tally {
  readonly outcomes: Record<StepOutcome, number>;
  /** Refusal code -> steps refused with it. */
  readonly refusals: Record<string, number>;
}

export function emptyTally(): Tally {
  return {
    outcomes: { applied: 0, 'no-changes': 0, 'refused-validation': 0, 'refused-plan': 0 },
    refusals: {},
  };
}

/** Runs one scenario on a fresh sandbox; throws a PropertyFailure with the trace when a step breaks a rule. */
export async function runScenario(sc: Scenario, tally: Tally): Promise<void> {
  const sb = sandbox({ asyncPolls: 1 });
  const vendor = await setUpForeign(sb, sc.foreign);
  const ids = new Map<string, string>();
  const known = (): KnownIds => ({ accounts: ids, ...(vendor ? { vendor } : {}) });
  const trace: string[] = [`foreign: ${JSON.stringify(sc.foreign)}`];
  let world: World = { ...EMPTY_WORLD, ignore: sc.ignore };

  const step = async (label: string, edits: readonly ConsoleEdit[], mutations: readonly Mutation[]) => {
    trace.push(`${label}:`);
    for (const edit of edits) {
      const done = await applyConsoleEdit(sb, edit, { world, ids, ...(vendor ? { vendor } : {}) });
      trace.push(`  console ${JSON.stringify(edit)}: ${done}`);
    }
    for (const m of mutations) {
      const next = applyMutation(world, m);
      trace.push(`  config ${JSON.stringify(m)}${next === world ? ' (no-op)' : ''}`);
      world = next;
    }
    const { outcome, codes } = await planApplyAndJudge(sb, buildConfig(world, known()), trace);
    trace.push(`  -> ${outcome}`);
    tally.outcomes[outcome]++;
    for (const code of new Set(codes)) tally.refusals[code] = (tally.refusals[code] ?? 0) + 1;
    // Ids are learnt as `orgops import` would: from the accounts config names by email.
    for (const a of world.accounts) {
      if (!a) continue;
      const live = sb.exportState().accounts.find((x) => x.email.toLowerCase() === a.email);
      if (live) ids.set(a.email, live.id);
    }
  };

  await step('first config', [], sc.first);
  for (const [i, s] of sc.steps.entries()) await step(`step ${i + 1}`, s.console, s.mutations);
}
