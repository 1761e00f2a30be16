import { describe, expect, it } from 'vitest';
import { SnapshotBuilder } from './snapshot-builder.ts';

describe('SnapshotBuilder', () => {
  it('starts from a fresh organization: management account, FullAWSAccess on root and every new OU and account', () => {
    const b = new SnapshotBuilder();
    const ou = b.ou('Workloads');
    const app = b.account('app', 'app@example.com', ou);
    const s = b.build();
    expect(s.organization).toEqual({
      id: 'o-test000001',
      managementAccountId: '100000000000',
      managementAccountEmail: 'aws-management@example.com',
      featureSet: 'ALL',
    });
    expect(s.accounts.map((a) => [a.id, a.name, a.parentId])).toEqual([
      ['100000000000', 'management', 'r-test'],
      [app, 'app', ou],
    ]);
    expect(s.policies).toEqual([
      expect.objectContaining({ id: 'p-FullAWSAccess', targets: ['r-test', '100000000000', ou, app] }),
    ]);
    expect(s.identityCenter?.instanceArn).toBe('arn:aws:sso:::instance/ssoins-test000000000001');
  });

  it('takes fixed ids, a root, an organization without a listed management account, and no FullAWSAccess', () => {
    const b = new SnapshotBuilder({
      organization: { id: 'o-fixed', managementAccountId: '999999999999', featureSet: 'ALL' },
      management: null,
      rootId: 'r-fixed',
      source: { backend: 'aws', location: 'aws://eu-west-1', readAt: '2026-01-01T00:00:00.000Z' },
      identityCenter: { instanceArn: 'arn:aws:sso:::instance/ssoins-fixed', identityStoreId: 'd-fixed' },
      principals: [{ type: 'GROUP', id: 'g-1', name: 'ops' }],
      fullAwsAccess: false,
    });
    expect(b.root).toBe('r-fixed');
    const ou = b.ou('Prod', b.root, { env: 'prod' }, { id: 'ou-prod' });
    const app = b.account('app', 'app@example.com', ou, { id: '111111111111', state: 'SUSPENDED' });
    const p = b.policy('SERVICE_CONTROL_POLICY', 'raw', 'not json {', [ou], {
      id: 'p-raw',
      description: 'kept as text',
    });
    const ps = b.permissionSet('Ops');
    b.assignment(ps, app, 'g-1').delegatedAdministrator(app, 'guardduty.amazonaws.com');
    const s = b.build();
    expect(s.source.backend).toBe('aws');
    expect(s.organization.id).toBe('o-fixed');
    expect(s.root.id).toBe('r-fixed');
    expect(s.ous).toEqual([{ id: 'ou-prod', name: 'Prod', parentId: 'r-fixed', tags: { env: 'prod' } }]);
    expect(s.accounts).toEqual([
      {
        id: '111111111111',
        name: 'app',
        email: 'app@example.com',
        state: 'SUSPENDED',
        parentId: ou,
        tags: {},
      },
    ]);
    expect(p).toBe('p-raw');
    expect(s.policies).toEqual([
      {
        id: 'p-raw',
        type: 'SERVICE_CONTROL_POLICY',
        name: 'raw',
        description: 'kept as text',
        content: 'not json {',
        awsManaged: false,
        tags: {},
        targets: [ou],
      },
    ]);
    expect(ps).toMatch(/^arn:aws:sso:::permissionSet\/ssoins-fixed\/ps-/);
    expect(s.identityCenter?.permissionSets[0]?.provisionedTo).toEqual([app]);
    expect(s.identityCenter?.principals).toEqual([{ type: 'GROUP', id: 'g-1', name: 'ops' }]);
    expect(s.delegatedAdministrators).toEqual([
      { accountId: app, servicePrincipal: 'guardduty.amazonaws.com' },
    ]);
  });

  it('stores a policy document as its JSON, and a permission set under the ARN given', () => {
    const b = new SnapshotBuilder();
    b.policy('TAG_POLICY', 'cost', { tags: {} });
    const arn = b.permissionSet('Fixed', { arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-fixed' });
    b.assignment(arn, '100000000000', 'g-developers');
    const s = b.build();
    expect(s.policies.find((p) => p.name === 'cost')?.content).toBe('{"tags":{}}');
    expect(arn).toBe('arn:aws:sso:::permissionSet/ssoins-1/ps-fixed');
    expect(s.identityCenter?.permissionSets[0]?.provisionedTo).toEqual(['100000000000']);
  });
});
