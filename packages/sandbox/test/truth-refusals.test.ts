import {
  assign,
  FullAWSAccess,
  group,
  type OrganizationConfig,
  organizationalUnit,
  organizationRoot,
  permissionSet,
  trustedService,
} from '@orgops/model';
import { describe, expect, it } from 'vitest';
import type { SandboxBackend } from '../src/index.ts';
import { converge, planFor } from './e2e-helpers.ts';
import { sandbox } from './helpers.ts';
import { accountNamed, deny, member, mgmt, orgOf, ouAt } from './truth-helpers.ts';

/**
 * Issue 13 items 8, 9, 14 and 15: states the snapshot already shows would make the apply fail half
 * way. The plan must refuse them by code, before anything is changed.
 */
async function expectRefused(sb: SandboxBackend, config: OrganizationConfig, code: string): Promise<void> {
  // Reads advance the sandbox clock (`tick`); nothing else may change.
  const state = () => ({ ...sb.exportState(), tick: 0 });
  const before = state();
  await expect(planFor(sb, config)).rejects.toThrow(new RegExp(`^plan failed:[\\s\\S]*${code}:`));
  expect(state()).toEqual(before);
}

describe('issue 13 item 8: deletions blocked by what orgops does not change', () => {
  it('a policy still attached to an ignored OU', async () => {
    const sb = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const vendor = organizationalUnit('Vendor', {
      parent: root,
      policies: [FullAWSAccess, deny('deny-old', 's3:*')],
    });
    await converge(sb, orgOf({ root, ous: [vendor] }));
    await expectRefused(
      sb,
      orgOf({ root, ignore: { organizationalUnits: ['/Vendor'] } }),
      'policy-delete-still-attached',
    );
  });

  it('an OU that holds an ignored child OU', async () => {
    const sb = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const old = organizationalUnit('Old', { parent: root });
    const vendor = organizationalUnit('Vendor', { parent: old });
    await converge(sb, orgOf({ root, ous: [old, vendor] }));
    await expectRefused(
      sb,
      orgOf({ root, ignore: { organizationalUnits: ['/Old/Vendor'] } }),
      'ou-delete-not-empty',
    );
  });

  it('a permission set still assigned in an ignored account', async () => {
    const sb = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const vendor = member('vendor', root);
    const legacy = permissionSet({ name: 'Legacy' });
    await converge(
      sb,
      orgOf({
        root,
        members: [vendor],
        permissionSets: [legacy],
        assignments: [assign(group('developers'), legacy, [vendor])],
      }),
    );
    await expectRefused(
      sb,
      orgOf({ root, ignore: { accounts: ['vendor@example.com'] } }),
      'permission-set-delete-still-assigned',
    );
  });
});

describe('issue 13 item 9: a governed account moved into an ignored OU', () => {
  it('is named, not planned as a new account', async () => {
    const sb = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const workloads = organizationalUnit('Workloads', { parent: root });
    const ct = organizationalUnit('Control Tower', { parent: root });
    await converge(sb, orgOf({ root, ous: [workloads, ct], members: [member('app', workloads)] }));
    const app = accountNamed(sb, 'app');
    await sb.organizations.moveAccount(app.id, app.parentId, ouAt(sb, 'Control Tower')!.id);
    await expectRefused(
      sb,
      orgOf({
        root,
        ous: [workloads],
        members: [member('app', workloads)],
        ignore: { organizationalUnits: ['/Control Tower'] },
      }),
      'account-in-ignored-ou',
    );
  });
});

describe('issue 13 item 14: the management account as delegated administrator', () => {
  it('is refused before any change', async () => {
    const sb = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    await expectRefused(
      sb,
      orgOf({
        root,
        members: [member('new-one', root)],
        trustedServices: [
          trustedService('sso.amazonaws.com'),
          trustedService('guardduty.amazonaws.com', { delegatedAdministrator: mgmt(root) }),
        ],
      }),
      'delegated-admin-management-account',
    );
  });
});

describe('issue 13 item 15: permission sets in an organization without Identity Center', () => {
  it('is refused before the OU work', async () => {
    const state = sandbox().exportState();
    delete state.identityCenter;
    const sb = sandbox();
    sb.importState(state);
    const root = organizationRoot({ policies: [FullAWSAccess] });
    await expectRefused(
      sb,
      orgOf({
        root,
        ous: [organizationalUnit('Workloads', { parent: root })],
        permissionSets: [permissionSet({ name: 'ReadOnly' })],
      }),
      'no-identity-center',
    );
  });
});
