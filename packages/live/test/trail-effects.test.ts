import { describe, expect, it } from 'vitest';
import { interpretEvents } from '../src/drift/trail-effects.ts';
import type { TrailEvent } from '../src/ports.ts';

const ev = (source: string, name: string, request: Record<string, unknown> | null): TrailEvent => ({
  id: `e-${name}`,
  time: '2026-06-01T00:00:00Z',
  source,
  name,
  request,
});
const ORG = 'organizations.amazonaws.com';
const SSO = 'sso.amazonaws.com';
const PS = 'arn:aws:sso:::permissionSet/ssoins-1/ps-1';

describe('interpretEvents', () => {
  it('names what each write changed', () => {
    const r = interpretEvents([
      ev(ORG, 'MoveAccount', { accountId: '1', sourceParentId: 'r-1', destinationParentId: 'ou-1' }),
      ev(ORG, 'DeleteOrganizationalUnit', { organizationalUnitId: 'ou-2' }),
      ev(ORG, 'AttachPolicy', { policyId: 'p-1', targetId: 'ou-1' }),
      ev(ORG, 'EnablePolicyType', { rootId: 'r-1', policyType: 'TAG_POLICY' }),
      ev(SSO, 'CreateAccountAssignment', { permissionSetArn: PS, targetId: '123' }),
      ev(SSO, 'TagResource', { resourceArn: 'arn:aws:sso:::instance/ssoins-1' }),
      ev(SSO, 'CreateApplication', null),
    ]);
    if (!('dirty' in r)) throw new Error(r.incomplete);
    expect([...r.dirty.parents]).toEqual(['r-1', 'ou-1']);
    expect([...r.dirty.ous]).toEqual(['ou-2']);
    expect([...r.dirty.policyTargets]).toEqual(['p-1']);
    expect([...r.dirty.typeSweeps]).toEqual(['TAG_POLICY']);
    expect([...r.dirty.pairs]).toEqual([`${PS}|123`]);
    // The assignment may have provisioned the set; tagging the instance changes no permission set.
    expect([...r.dirty.permissionSets]).toEqual([PS]);
  });

  it('ignores other services and the identity store, whose principals are read afresh', () => {
    const r = interpretEvents([
      ev('ec2.amazonaws.com', 'RunInstances', {}),
      ev('identitystore.amazonaws.com', 'DeleteGroup', {}),
      ev('identitystore-scim.amazonaws.com', 'PatchUser', null),
    ]);
    expect('dirty' in r).toBe(true);
  });

  it('is incomplete on an unknown write, a missing parameter, or missing parameters', () => {
    expect(interpretEvents([ev(ORG, 'LeaveOrganization', {})])).toEqual({
      incomplete:
        'CloudTrail shows organizations.amazonaws.com LeaveOrganization at 2026-06-01T00:00:00Z, which orgops cannot scope',
    });
    expect(interpretEvents([ev(ORG, 'TagResource', { resourceId: '' })])).toMatchObject({
      incomplete: expect.stringContaining('it has no resourceId'),
    });
    expect(interpretEvents([ev(SSO, 'UpdatePermissionSet', null)])).toMatchObject({
      incomplete: expect.stringContaining('has no request parameters'),
    });
    // A name on Object.prototype is no known event.
    expect(interpretEvents([ev(ORG, 'constructor', {})])).toHaveProperty('incomplete');
  });
});
