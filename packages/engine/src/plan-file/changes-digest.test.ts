import { describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import { changeDigest, changesDigest } from './changes-digest.ts';

const create: Change = {
  kind: 'ou-create',
  action: 'create',
  path: '/Workloads',
  name: 'Workloads',
  parentPath: '/',
  tags: { team: 'platform' },
  address: 'ou/Workloads',
};
const attach: Change = {
  kind: 'policy-attachment',
  action: 'attach',
  policyType: 'SERVICE_CONTROL_POLICY',
  policyName: 'deny-root',
  target: { kind: 'ou', path: '/Workloads' },
  address: 'attachment/SERVICE_CONTROL_POLICY/deny-root@/Workloads',
};

describe('changeDigest', () => {
  it('ignores key order but not values', () => {
    const { tags, ...rest } = create;
    const reordered = { tags, ...rest } as Change;
    expect(changeDigest(reordered)).toBe(changeDigest(create));
    expect(changeDigest({ ...create, tags: { team: 'other' } } as Change)).not.toBe(changeDigest(create));
  });
});

describe('changesDigest', () => {
  it('changes with any change, and with order', () => {
    const base = changesDigest([create, attach]);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(changesDigest([create, attach])).toBe(base);
    expect(changesDigest([attach, create])).not.toBe(base);
    expect(changesDigest([create])).not.toBe(base);
    const widened = { ...attach, policyName: 'FullAWSAccess' } as Change;
    expect(changesDigest([create, widened])).not.toBe(base);
  });
});
