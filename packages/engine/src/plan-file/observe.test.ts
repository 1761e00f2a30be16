import { describe, expect, it } from 'vitest';
import { SnapshotBuilder } from '../testing/snapshot-builder.ts';
import { observe } from './observe.ts';

describe('observe', () => {
  it('finds the account an attachment address names, although emails contain "@"', () => {
    const s = new SnapshotBuilder();
    const app = s.account('app', 'app@example.com');
    const p = s.policy('SERVICE_CONTROL_POLICY', 'deny@s3', { Version: '2012-10-17', Statement: [] }, [app]);
    const addr = 'attachment/SERVICE_CONTROL_POLICY/deny@s3@account:app@example.com';
    expect(observe(s.build(), addr)).toEqual({ target: app, attached: true });
    s.detach(p, app);
    expect(observe(s.build(), addr)).toEqual({ target: app, attached: false });
  });

  it('tells a top-level "Prod/EU" from EU under Prod', () => {
    const s = new SnapshotBuilder();
    const nested = s.ou('EU', s.ou('Prod'));
    const top = s.ou('Prod/EU');
    expect(observe(s.build(), 'ou/Prod/EU')).toMatchObject({ id: nested });
    expect(observe(s.build(), 'ou/Prod\\/EU')).toMatchObject({ id: top });
  });

  it('observes an assignment of a principal deleted from the identity store by its id', () => {
    const s = new SnapshotBuilder();
    const app = s.account('app', 'app@example.com');
    s.assignment(s.permissionSet('ReadOnly'), app, 'g-gone');
    expect(observe(s.build(), 'assignment/GROUP:g-gone/ReadOnly/app@example.com')).toEqual({
      principal: 'g-gone',
      assigned: true,
    });
  });
});
