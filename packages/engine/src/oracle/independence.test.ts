import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The oracle is only worth something while it shares no code with what it checks: no planner, no
 * engine addresses, no applier id resolution. It may read the model (config types, canonical JSON,
 * the limits table) and the snapshot's shape, nothing else.
 */
describe('oracle: independence', () => {
  const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !/\.test(-support)?\.ts$/.test(f));

  it('finds the oracle sources', () => {
    expect(sources).toEqual(expect.arrayContaining(['conformance.ts', 'check-assignments.ts']));
  });

  it.each(sources)('%s imports only the model, the snapshot types and the oracle itself', (file) => {
    const text = readFileSync(join(here, file), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    for (const spec of imports) {
      const allowed = spec === '@orgops/model' || spec === '../snapshot.ts' || /^\.\/[a-z-]+\.ts$/.test(spec);
      expect(allowed, `${file} imports ${spec}`).toBe(true);
    }
  });
});
