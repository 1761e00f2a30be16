import { validateConfig } from '@orgops/model';
import { afterAll, describe, expect, it } from 'vitest';
import { SnapshotBuilder } from '../testing/snapshot-builder.ts';
import { generateConfig } from './generate-config.ts';
import { changesOf, evaluate, removeScratch, writeGenerated } from './round-trip.test-support.ts';

afterAll(removeScratch);

const AT = '2026-11-30T10:15:00.000Z';
const RECORD = {
  'orgops:quarantine-reason': 'INC-42 root login',
  'orgops:quarantined-at': AT,
  'orgops:quarantined-by': 'arn:aws:sts::100000000000:assumed-role/orgops-apply/x',
  'orgops:quarantined-from': 'ou-test-00000002',
};

/** Workloads with app, and Suspended (deny-all) holding a quarantined account. */
function quarantined(withScp = true) {
  const s = new SnapshotBuilder();
  const workloads = s.ou('Workloads');
  const suspended = s.ou('Suspended');
  s.account('app', 'aws+app@example.com', workloads, { tags: { team: 'payments' } });
  s.account('bad', 'aws+bad@example.com', suspended, { tags: { team: 'data', ...RECORD } });
  if (withScp)
    s.policy(
      'SERVICE_CONTROL_POLICY',
      'deny-all',
      { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] },
      [suspended],
    );
  return s.build();
}

describe('importing an organization with quarantined accounts', () => {
  it('emits the quarantine and each account’s entry from its record; the plan of the result is empty', async () => {
    const snapshot = quarantined();
    const { files, notes } = generateConfig(snapshot, { now: new Date('2026-12-01T00:00:00Z') });
    const content = (path: string) => files.find((f) => f.path === path)?.content ?? '';
    expect(content('index.ts')).toContain(
      'quarantine: defineQuarantine({ organizationalUnit: suspended, guardrails: [denyAll] }),',
    );
    expect(content('accounts.ts')).toContain(`  tags: { team: 'data' },
  quarantine: {
    reason: 'INC-42 root login',
    at: '${AT}',
    by: 'arn:aws:sts::100000000000:assumed-role/orgops-apply/x',
  },`);
    expect(content('accounts.ts')).not.toContain('orgops:');
    expect(notes).toEqual([
      '/Suspended holds 1 quarantined account(s): emitted as quarantine, with each account’s record as its quarantine entry.'.replace(
        '’',
        "'",
      ),
    ]);
    const config = await evaluate(writeGenerated(files));
    const result = validateConfig(config);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual([]);
    expect(changesOf(config, snapshot)).toEqual([]);
  });

  it('emits no quarantine where nothing contains the accounts, and says so', () => {
    const { files, notes } = generateConfig(quarantined(false));
    expect(files.find((f) => f.path === 'index.ts')?.content).not.toContain('defineQuarantine');
    expect(files.find((f) => f.path === 'accounts.ts')?.content).not.toContain('quarantine');
    expect(notes.join('\n')).toContain(
      'which has no SCP of its own to contain them: no quarantine is emitted',
    );
  });
});
