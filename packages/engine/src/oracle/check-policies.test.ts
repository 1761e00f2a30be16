import { policy, SCP, serviceControlPolicy } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import {
  baseConfig,
  baseSnapshot,
  check,
  codes,
  DENY_LEAVE,
  denyDoc,
  withPolicy,
} from './oracle.test-support.ts';

const denyLeaveId = (s: ReturnType<typeof baseSnapshot>) =>
  s.policies.find((p) => p.name === 'deny-leave')!.id;

describe('oracle: policies', () => {
  it('compares content as canonical JSON: key order and whitespace do not count, a value does', () => {
    const snapshot = baseSnapshot();
    const reordered = `{ "Statement": [ { "Resource": "*", "Action": "organizations:LeaveOrganization", "Effect": "Deny" } ], "Version": "2012-10-17" }`;
    expect(check(baseConfig(), withPolicy(snapshot, denyLeaveId(snapshot), { content: reordered }))).toEqual(
      [],
    );
    const wider = JSON.stringify(denyDoc('*'));
    expect(codes(baseConfig(), withPolicy(snapshot, denyLeaveId(snapshot), { content: wider }))).toEqual([
      'policy-content',
    ]);
  });

  it('compares description and tags', () => {
    const snapshot = baseSnapshot();
    expect(
      codes(baseConfig(), withPolicy(snapshot, denyLeaveId(snapshot), { description: 'changed' })),
    ).toEqual(['policy-description']);
    expect(codes(baseConfig(), withPolicy(snapshot, denyLeaveId(snapshot), { tags: { a: 'b' } }))).toEqual([
      'policy-tags',
    ]);
  });

  it('reports a missing policy and an unmanaged one, unless ignored', () => {
    const extra = serviceControlPolicy({ name: 'deny-s3', content: DENY_LEAVE });
    const config = baseConfig({ policies: [extra] });
    expect(codes(config, baseSnapshot())).toEqual(['policy-missing']);
    const stray = baseSnapshot((b) => b.policy(SCP, 'aws-guardrails-abc', DENY_LEAVE));
    expect(codes(baseConfig(), stray)).toEqual(['policy-unexpected']);
    expect(check(baseConfig({ ignore: { policies: ['aws-guardrails-*'] } }), stray)).toEqual([]);
  });

  it('finds a policy under its new name only: a rename reusing the old name needs two policies', () => {
    const legacy = serviceControlPolicy({ name: 'deny-regions-legacy', content: DENY_LEAVE });
    const wider = serviceControlPolicy({
      name: 'deny-regions',
      content: denyDoc('*'),
      renamedFrom: undefined,
    });
    const config = baseConfig({ policies: [legacy, wider] });
    // Only the old policy exists, with the old content, under the reused name.
    const before = baseSnapshot((b) => b.policy(SCP, 'deny-regions', DENY_LEAVE));
    expect(codes(config, before)).toEqual(['policy-content', 'policy-missing']);
    const after = baseSnapshot((b) => {
      b.policy(SCP, 'deny-regions-legacy', DENY_LEAVE);
      b.policy(SCP, 'deny-regions', denyDoc('*'));
    });
    expect(check(config, after)).toEqual([]);
  });

  it('compares policies of a managed type whose type is disabled: AWS keeps them', () => {
    const tagPolicy = policy('TAG_POLICY', { name: 'cost', content: { tags: {} } });
    const config = baseConfig({ policyTypes: [SCP, 'TAG_POLICY'], policies: [tagPolicy] });
    const kept = baseSnapshot((b) => b.policy('TAG_POLICY', 'cost', { tags: {} }));
    expect(codes(config, kept)).toEqual(['policy-type']);
    expect(
      check(config, {
        ...kept,
        root: {
          ...kept.root,
          policyTypes: [...kept.root.policyTypes, { type: 'TAG_POLICY', status: 'ENABLED' }],
        },
      }),
    ).toEqual([]);
  });
});
