import { assign, user, waive } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { lint, lintBaseline } from './fixture.ts';

describe('waivers', () => {
  it('accept exactly the findings of their rule about their target, and keep them visible with the reason', async () => {
    const b = lintBaseline();
    const alice = assign(user('alice'), b.readOnly, [b.dev]);
    const bob = assign(user('bob'), b.readOnly, [b.dev]);
    const w = waive('assignment-to-user', alice, { reason: 'auditor, two weeks, SEC-12' });
    const report = await lint(b.with({ assignments: [b.readOnlyForDevelopers, alice, bob], waivers: [w] }));
    expect(report.findings.map((f) => f.path)).toEqual(['assignments[bob:ReadOnly].principal']);
    expect(report.waived).toHaveLength(1);
    expect(report.waived[0]?.path).toBe('assignments[alice:ReadOnly].principal');
    expect(report.waived[0]?.waiver).toEqual({ reason: 'auditor, two weeks, SEC-12', site: w.site });
  });

  it('match by natural key, so an equal object built elsewhere is the same target', async () => {
    const b = lintBaseline();
    const alice = assign(user('alice'), b.readOnly, [b.dev]);
    const again = assign(user('alice'), b.readOnly, [b.workloads]);
    const report = await lint(
      b.with({
        assignments: [b.readOnlyForDevelopers, alice],
        waivers: [waive('assignment-to-user', again, { reason: 'same principal and permission set' })],
      }),
    );
    expect(report.findings).toEqual([]);
    expect(report.waived.map((f) => f.rule)).toEqual(['assignment-to-user']);
  });

  it('of another rule do not accept the finding, and are reported as unused', async () => {
    const b = lintBaseline();
    const alice = assign(user('alice'), b.readOnly, [b.dev]);
    const report = await lint(
      b.with({
        assignments: [b.readOnlyForDevelopers, alice],
        waivers: [waive('admin-in-sensitive-account', alice, { reason: 'wrong rule' })],
      }),
    );
    expect(report.findings.map((f) => f.rule).sort()).toEqual(['assignment-to-user', 'waiver-unused']);
  });

  it('need a reason: the validator refuses an empty one, with the path', async () => {
    const b = lintBaseline();
    await expect(
      lint(b.with({ waivers: [waive('assignment-to-user', b.adminInDev, { reason: '  ' })] })),
    ).rejects.toThrow(/schema-invalid-value.*waivers\[0\]\.reason|waivers\[0\]\.reason.*schema/);
  });
});
