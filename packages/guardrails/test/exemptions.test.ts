import { policyStatements as statements } from '@orgops/simulate';
import { describe, expect, it } from 'vitest';
import { denyAll, denyLeaveOrganization, protectCloudTrail, regionAllowList } from '../src/index.ts';
import { BREAK_GLASS, EXEMPT, exemptibleScps, PIPELINE } from './fixtures.ts';

describe('exemptions', () => {
  it.each(exemptibleScps().map((p) => [p.name, p] as const))(
    '%s carries ArnNotLike aws:PrincipalArn with every exempt role on every statement',
    (_name, policy) => {
      const all = statements(policy.content);
      expect(all.length).toBeGreaterThan(0);
      for (const s of all) {
        expect(s.Effect).toBe('Deny');
        const exempted = s.Condition?.ArnNotLike?.['aws:PrincipalArn'];
        // Only the access-key status statement may exempt more: the principals named for it.
        if (s.Sid === 'DenyAccessKeyStatusChanges') expect(exempted).toEqual(expect.arrayContaining(EXEMPT));
        else expect(exempted).toEqual([PIPELINE, BREAK_GLASS].sort());
      }
    },
  );

  it('omits the condition when the exemption list is empty, rather than emitting an empty one', () => {
    const [s] = statements(denyAll({ exemptPrincipalArns: [] }).content);
    expect(s?.Condition).toBeUndefined();
  });

  it('de-duplicates and sorts exemptions so the policy text is stable', () => {
    const a = denyLeaveOrganization({ exemptPrincipalArns: [BREAK_GLASS, PIPELINE, BREAK_GLASS] });
    const b = denyLeaveOrganization({ exemptPrincipalArns: [PIPELINE, BREAK_GLASS] });
    expect(a.content).toEqual(b.content);
  });

  it.each([
    ['an assumed-role session ARN', 'arn:aws:sts::111122223333:assumed-role/orgops-apply/session'],
    ['a bare role name', 'orgops-apply'],
    ['a policy ARN', 'arn:aws:iam::aws:policy/AdministratorAccess'],
    ['a short account id', 'arn:aws:iam::1234:role/x'],
  ])('rejects %s with a coded error naming the guardrail and the value', (_what, arn) => {
    expect(() => protectCloudTrail({ exemptPrincipalArns: [arn] })).toThrow(
      expect.objectContaining({ code: 'guardrail-exemption-invalid', message: expect.stringContaining(arn) }),
    );
    expect(() => protectCloudTrail({ exemptPrincipalArns: [arn] })).toThrow(/protectCloudTrail/);
  });

  it('accepts account-specific and path-qualified role patterns', () => {
    expect(() =>
      regionAllowList(['eu-west-1'], {
        exemptPrincipalArns: ['arn:aws:iam::111122223333:role/platform/deployer-*', ...EXEMPT],
      }),
    ).not.toThrow();
  });
});
