import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../snapshot.ts';
import { ACCOUNTS, accountMove, baseDesired, baseSnapshot } from '../testing/index.ts';
import { riskRecorder } from './risks.test-support.ts';

const { risksOf } = riskRecorder();

/** The base organization with RCPs enabled: AWS attaches RCPFullAWSAccess to every target. */
function withRcps(): Snapshot {
  return baseSnapshot((b) => {
    b.enablePolicyType('RESOURCE_CONTROL_POLICY');
    b.policy(
      'RESOURCE_CONTROL_POLICY',
      'RCPFullAWSAccess',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
      [b.root, 'ou-work', 'ou-prod', 'ou-dev', 'ou-susp', ...Object.values(ACCOUNTS).map((a) => a.id)],
      { id: 'p-RCPFullAWSAccess', awsManaged: true },
    );
  });
}

describe('account-moved and RCPFullAWSAccess', () => {
  it('does not list RCPFullAWSAccess as lost: AWS keeps it attached everywhere and it cannot be detached', () => {
    const move = accountMove(ACCOUNTS.dev, '/Workloads/Prod', '/Workloads/Dev');
    const [risk] = risksOf([move], baseDesired(), withRcps());
    expect(risk?.message).not.toContain('RCPFullAWSAccess');
    expect(risk?.message).toContain('inherited guardrails: unchanged');
  });
});
