import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_ORGANIZATION_ID, simulationIdentity } from '../src/index.ts';
import { desired } from './fixture.ts';

describe('simulation identity', () => {
  it('keeps configured ids, and gives every other account a stable 12-digit placeholder', () => {
    const ids = simulationIdentity(desired);
    expect(ids.organizationId).toBe(PLACEHOLDER_ORGANIZATION_ID);
    expect(ids.accountIds.get('vault@example.com')).toBe('222233334444');
    const app = ids.accountIds.get('app-prod@example.com');
    expect(app).toMatch(/^9\d{11}$/);
    // Adding an account elsewhere does not renumber this one.
    const more = {
      ...desired,
      accounts: [{ ...desired.accounts[0]!, email: 'new@example.com', name: 'new' }, ...desired.accounts],
    };
    expect(simulationIdentity(more).accountIds.get('app-prod@example.com')).toBe(app);
  });

  it('takes ids from a live organization, but never over the config', () => {
    const ids = simulationIdentity(desired, {
      organizationId: 'o-a1b2c3d4e5',
      accountIds: { 'APP-PROD@example.com': '123456789012', 'vault@example.com': '111111111111' },
    });
    expect(ids.organizationId).toBe('o-a1b2c3d4e5');
    expect(ids.accountIds.get('app-prod@example.com')).toBe('123456789012');
    expect(ids.accountIds.get('vault@example.com')).toBe('222233334444');
  });

  it('rejects malformed ids and two accounts on one id', () => {
    expect(() => simulationIdentity(desired, { organizationId: 'org-1' })).toThrow(
      expect.objectContaining({ code: 'simulation-identity-invalid' }),
    );
    expect(() => simulationIdentity(desired, { accountIds: { 'app-prod@example.com': '12' } })).toThrow(
      /"12" is not a 12-digit/,
    );
    expect(() =>
      simulationIdentity(desired, { accountIds: { 'app-prod@example.com': '222233334444' } }),
    ).toThrow(/would share the id 222233334444/);
  });
});
