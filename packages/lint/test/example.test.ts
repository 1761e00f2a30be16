import org from '@org/accounts';
import { validateConfig } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { lintConfig } from '../src/index.ts';

describe('the example organization (accounts/)', () => {
  it('lints clean: its baseline is in force everywhere, break-glass is never locked out, its one waiver is used', async () => {
    const v = validateConfig(org);
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const report = await lintConfig(v.value);
    expect(report.findings).toEqual([]);
    expect(report.waived.map((f) => [f.rule, f.subject.key])).toEqual([
      ['admin-in-sensitive-account', 'assignment:GROUP:platform-admins:PlatformAdmin'],
    ]);
  });

  it('catches the lock-out of dropping break-glass from the quarantine exemption, though no account is quarantined yet', async () => {
    const v = validateConfig(org);
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const { config } = v.value;
    // The Suspended OU's deny-all, rebuilt without its exemption, as a careless edit would.
    const suspended = config.organizationalUnits.find((o) => o.name === 'Suspended');
    const denyAll = suspended?.policies.find((p) => p.name === 'deny-all');
    if (!suspended || !denyAll) throw new Error('the example changed: no Suspended OU with deny-all');
    const careless = {
      ...denyAll,
      content: {
        Version: '2012-10-17',
        Statement: [{ Sid: 'DenyAll', Effect: 'Deny', Action: '*', Resource: '*' }],
      },
    };
    const broken = validateConfig({
      ...config,
      organizationalUnits: config.organizationalUnits.map((o) =>
        o === suspended ? { ...o, policies: o.policies.map((p) => (p === denyAll ? careless : p)) } : o,
      ),
    });
    if (!broken.ok) throw new Error(JSON.stringify(broken.errors));
    const report = await lintConfig(broken.value);
    // Nobody lives in Suspended yet: the lock-out is proved on the account that will be moved there.
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(new Set(['guardrail-lockout']));
    expect(report.findings).toHaveLength(13);
    expect(report.findings[0]?.message).toMatch(
      /^protected role break-glass is locked out: .* is denied in 1 account \(new account in \/Suspended\) by SCP deny-all\/DenyAll at \/Suspended\.$/,
    );
    expect(report.findings.every((f) => f.subject.key === 'policy:SERVICE_CONTROL_POLICY/deny-all')).toBe(
      true,
    );
  });
});
