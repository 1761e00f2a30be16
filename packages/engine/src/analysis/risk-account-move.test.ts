import { describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import type { Snapshot } from '../snapshot.ts';
import { ACCOUNTS, baseDesired, baseSnapshot } from '../testing/index.ts';
import { riskRecorder } from './risks.test-support.ts';

const { risksOf } = riskRecorder();

/** The base organization with RCPs enabled: AWS attaches RCPFullAWSAccess to every target. */
function withRcps(): Snapshot {
  const s = baseSnapshot();
  return {
    ...s,
    root: {
      ...s.root,
      policyTypes: [...s.root.policyTypes, { type: 'RESOURCE_CONTROL_POLICY', status: 'ENABLED' }],
    },
    policies: [
      ...s.policies,
      {
        id: 'p-RCPFullAWSAccess',
        type: 'RESOURCE_CONTROL_POLICY',
        name: 'RCPFullAWSAccess',
        description: '',
        content:
          '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
        awsManaged: true,
        tags: {},
        targets: ['r-root', 'ou-work', 'ou-prod', 'ou-dev', 'ou-susp', ...s.accounts.map((a) => a.id)],
      },
    ],
  };
}

describe('account-moved and RCPFullAWSAccess', () => {
  it('does not list RCPFullAWSAccess as lost: AWS keeps it attached everywhere and it cannot be detached', () => {
    const move: Change = {
      kind: 'account-move',
      action: 'move',
      address: 'account/dev-app@example.com',
      account: ACCOUNTS.dev,
      fromPath: '/Workloads/Prod',
      toPath: '/Workloads/Dev',
    };
    const [risk] = risksOf([move], baseDesired(), withRcps());
    expect(risk?.message).not.toContain('RCPFullAWSAccess');
    expect(risk?.message).toContain('inherited guardrails: unchanged');
  });
});
