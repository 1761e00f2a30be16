import { VirtualClock } from '@orgops/live';
import { createSandbox, seedState } from '@orgops/sandbox';
import { describe, expect, it } from 'vitest';
import { pacedBackend } from '../src/paced-backend.ts';

const MANAGEMENT = seedState().organization.managementAccountId;

describe('pacedBackend', () => {
  it('paces every page of a CloudTrail lookup at LookupEvents’ 2 per second, with no burst', async () => {
    const clock = new VirtualClock(Date.parse('2026-06-01T06:00:00Z'));
    const sandbox = createSandbox(seedState(), { clock });
    // 120 write events: three pages of 50.
    for (let i = 0; i < 120; i++) await sandbox.organizations.tagResource(MANAGEMENT, { n: String(i) });
    const paced = pacedBackend(sandbox, { clock, latencyMs: 100 });
    sandbox.resetStats();
    const started = clock.now();
    const events = await clock.run(() =>
      paced.cloudTrail!.lookupWriteEvents(new Date(started - 60_000), new Date(started)),
    );
    expect(events).toHaveLength(120);
    expect(sandbox.stats().calls).toEqual({ 'cloudtrail:LookupEvents': 3 });
    // Page 1 at once (+100 ms round trip); pages 2 and 3 each wait for the next token, 0.5 s apart.
    expect(clock.now() - started).toBe(1_100);
  });

  it('paces the Service Quotas read', async () => {
    const clock = new VirtualClock();
    const sandbox = createSandbox(seedState({ maxAccounts: 1_200 }), { clock });
    const paced = pacedBackend(sandbox, { clock, latencyMs: 100 });
    // Service Quotas' bucket holds 5 at 5 per second: the sixth waits 0.2 s for a token, the seventh 0.4 s.
    const quotas = await clock.run(() =>
      Promise.all(Array.from({ length: 7 }, () => paced.quotas!.getAccountQuota())),
    );
    expect(quotas).toEqual(Array(7).fill(1_200));
    expect(sandbox.stats().calls).toEqual({ 'service-quotas:GetServiceQuota': 7 });
    expect(clock.now()).toBe(500);
  });
});
