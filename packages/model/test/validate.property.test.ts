import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, type Result, RULES, validateConfig } from '../src/index.ts';
import { baseline } from './fixture.ts';

const KNOWN_CODES = new Set([
  ...RULES.map((r) => r.code),
  'config-not-organization',
  'schema-missing-field',
  'schema-invalid-type',
  'schema-invalid-value',
  'schema-unknown-key',
  'ou-parent-cycle',
]);

/** Never throws, always well-formed, and never an internal error: every input gets a real diagnosis. */
function assertWellFormed(result: Result<unknown>): void {
  const diagnostics: readonly Diagnostic[] = result.ok
    ? result.warnings
    : [...result.errors, ...result.warnings];
  if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
  for (const d of diagnostics) {
    expect(KNOWN_CODES.has(d.code), `${d.code}: ${d.message}`).toBe(true);
    expect(typeof d.message).toBe('string');
    expect(typeof d.path).toBe('string');
    expect(d.fix.length).toBeGreaterThan(0);
    expect(() => JSON.stringify(d.value)).not.toThrow();
  }
}

const organizationLike = fc.record(
  {
    kind: fc.constant('organization'),
    policyTypes: fc.oneof(fc.constant(['SERVICE_CONTROL_POLICY']), fc.anything()),
    root: fc.oneof(fc.constant({ kind: 'root', policies: [] }), fc.anything()),
    organizationalUnits: fc.oneof(fc.array(fc.anything()), fc.anything()),
    accounts: fc.oneof(fc.array(fc.anything()), fc.anything()),
    permissionSets: fc.anything(),
    ignore: fc.anything(),
  },
  { requiredKeys: ['kind'] },
);

/** Every (container, key) pair reachable in a value, parents before children. */
function slots(
  value: unknown,
  seen = new Set<unknown>(),
): Array<{ container: Record<string, unknown> | unknown[]; key: string | number }> {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([key, child]) => [
    { container: value as Record<string, unknown>, key },
    ...slots(child, seen),
  ]);
}

describe('validateConfig on arbitrary input', () => {
  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withNullPrototype: true,
          withSparseArray: true,
        }),
        (value) => {
          assertWellFormed(validateConfig(value));
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never throws on organization-shaped garbage', () => {
    fc.assert(
      fc.property(organizationLike, (value) => {
        assertWellFormed(validateConfig(value));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never throws when one field anywhere in a valid config is replaced by arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.nat(), fc.jsonValue(), (pick, replacement) => {
        const config = baseline().with({});
        const all = slots(config);
        const slot = all[pick % all.length]!;
        (slot.container as Record<string | number, unknown>)[slot.key] = replacement;
        assertWellFormed(validateConfig(config));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never throws when a field is deleted anywhere in a valid config', () => {
    fc.assert(
      fc.property(fc.nat(), (pick) => {
        const config = baseline().with({});
        const all = slots(config).filter((s) => !Array.isArray(s.container));
        const slot = all[pick % all.length]!;
        delete (slot.container as Record<string, unknown>)[slot.key as string];
        assertWellFormed(validateConfig(config));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
