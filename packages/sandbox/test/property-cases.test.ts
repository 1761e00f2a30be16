import { describe, it } from 'vitest';
import { ISSUE_13_CASES } from './property-cases.ts';
import { emptyTally, runScenario } from './property-scenario.ts';

describe('property cases: the defects of issue 13, through the generator and the oracle', () => {
  it.each(ISSUE_13_CASES)('item $item: $title', async ({ scenario }) => {
    await runScenario(scenario, emptyTally());
  });
});
