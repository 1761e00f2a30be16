import { describe, expect, it } from 'vitest';
import { checkRow, createSimulator, permissionSet, type RequestRow } from '../src/index.ts';
import { desired } from './fixture.ts';

const sim = createSimulator(desired);
const stop: RequestRow = {
  name: 'admins cannot stop the trail',
  principal: permissionSet('Admin', 'app-prod'),
  action: 'cloudtrail:StopLogging',
  resource: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org',
  expect: 'ExplicitlyDenied',
  by: 'protect-trail/ProtectTrail',
};

describe('request table rows', () => {
  it('hold when decision and deciding statement match', async () => {
    expect((await checkRow(sim, stop)).problem).toBeUndefined();
    expect((await checkRow(sim, { ...stop, by: 'protect-trail' })).problem).toBeUndefined();
  });

  it('fail on the wrong decision', async () => {
    const outcome = await checkRow(sim, { ...stop, expect: 'Allowed', by: undefined });
    expect(outcome.problem).toBe(
      'expected Allowed, got ExplicitlyDenied: SCP protect-trail/ProtectTrail at root',
    );
  });

  it('fail when the right decision comes from the wrong policy', async () => {
    const outcome = await checkRow(sim, { ...stop, by: 'regions/DenyOtherRegions' });
    expect(outcome.problem).toMatch(/expected regions\/DenyOtherRegions to decide/);
  });

  it('fail when a context key the row sets does not apply to its action', async () => {
    const outcome = await checkRow(sim, { ...stop, context: { 'ec2:MetadataHttpTokens': 'required' } });
    expect(outcome.problem).toMatch(
      /context ec2:MetadataHttpTokens does not apply to cloudtrail:StopLogging/,
    );
  });
});
