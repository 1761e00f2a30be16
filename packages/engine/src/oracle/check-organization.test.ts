import { SCP, trustedService } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { baseConfig, baseSnapshot, check, codes } from './oracle.test-support.ts';

describe('oracle: organization settings', () => {
  it('reports a policy type config enables that is not, and one config disables that is', () => {
    const config = baseConfig({ policyTypes: [SCP, 'TAG_POLICY'] });
    expect(codes(config, baseSnapshot())).toEqual(['policy-type']);
    const tagOn = baseSnapshot((b) => b.enablePolicyType('TAG_POLICY'));
    expect(check(config, tagOn)).toEqual([]);
    expect(codes(baseConfig({ disable: { policyTypes: ['TAG_POLICY'] } }), tagOn)).toEqual(['policy-type']);
    expect(check(baseConfig({ disable: { policyTypes: ['TAG_POLICY'] } }), baseSnapshot())).toEqual([]);
  });

  it('reports trusted access that differs from config', () => {
    const config = baseConfig({
      trustedServices: [trustedService('sso.amazonaws.com'), trustedService('guardduty.amazonaws.com')],
    });
    expect(codes(config, baseSnapshot())).toEqual(['trusted-service']);
    expect(
      check(
        config,
        baseSnapshot((b) => b.trustedService('guardduty.amazonaws.com')),
      ),
    ).toEqual([]);
    const disabling = baseConfig({ disable: { trustedServices: ['guardduty.amazonaws.com'] } });
    expect(
      codes(
        disabling,
        baseSnapshot((b) => b.trustedService('guardduty.amazonaws.com')),
      ),
    ).toEqual(['trusted-service']);
  });

  it('reports a delegated administrator missing, and another account registered instead', () => {
    const base = baseConfig();
    const app = base.accounts[1]!;
    const config = baseConfig({
      trustedServices: [
        trustedService('sso.amazonaws.com'),
        trustedService('guardduty.amazonaws.com', { delegatedAdministrator: app }),
      ],
    });
    const snapshot = baseSnapshot((b) => b.trustedService('guardduty.amazonaws.com'));
    const appId = snapshot.accounts.find((a) => a.email === 'app@example.com')!.id;
    expect(codes(config, snapshot)).toEqual(['delegated-administrator-missing']);
    const registered = {
      ...snapshot,
      delegatedAdministrators: [{ accountId: appId, servicePrincipal: 'guardduty.amazonaws.com' }],
    };
    expect(check(config, registered)).toEqual([]);
    const management = {
      ...snapshot,
      delegatedAdministrators: [{ accountId: '100000000000', servicePrincipal: 'guardduty.amazonaws.com' }],
    };
    expect(codes(config, management)).toEqual([
      'delegated-administrator-missing',
      'delegated-administrator-unexpected',
    ]);
  });
});
