import { type Change, changesOf, type PhaseName, planEverything, rehearsalBlocks } from '@orgops/engine';
import { configReadOptions, readSnapshot } from '@orgops/live';
import {
  assign,
  FullAWSAccess,
  group,
  normalize,
  organizationalUnit,
  organizationRoot,
  permissionSet,
} from '@orgops/model';
import { denyS3Policy, INSECURE_TRANSPORT } from '@orgops/model/testing';
import { describe, expect, it } from 'vitest';
import { converge, planFor } from './e2e-helpers.ts';
import { accountCreate, handPlan } from './hand-plan.ts';
import { RCP, SCP, sandbox } from './helpers.ts';
import { refusalsOf, rehearse } from './rehearse-helpers.ts';
import { accountNamed, deny, member, orgOf, ouAt } from './truth-helpers.ts';

describe('rehearsal catches what AWS would refuse part way, with AWS’s error code', () => {
  it('deleting an OU that still holds an account someone moved there by hand', async () => {
    const live = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const [oldOu, newOu] = [
      organizationalUnit('Old', { parent: root }),
      organizationalUnit('New', { parent: root }),
    ];
    await converge(
      live,
      orgOf({ root, ous: [oldOu, newOu], members: [member('app', oldOu), member('web', newOu)] }),
    );
    const config = orgOf({ root, ous: [newOu], members: [member('app', newOu), member('web', newOu)] });
    const plan = await planFor(live, config);
    expect(changesOf(plan).map((c) => `${c.action} ${c.address}`)).toEqual([
      'move account/app@example.com',
      'delete ou/Old',
    ]);
    // After the plan was made, someone moves web into Old in the console.
    await live.organizations.moveAccount(
      accountNamed(live, 'web').id,
      ouAt(live, 'New')!.id,
      ouAt(live, 'Old')!.id,
    );

    const { rehearsal, plan: rehearsed } = await rehearse(live, plan, config);
    expect(rehearsal.outcome).toBe('refused');
    expect(refusalsOf(rehearsal)).toEqual([
      {
        address: 'ou/Old',
        code: 'OrganizationalUnitNotEmptyException',
        reason: undefined,
        operation: 'organizations:DeleteOrganizationalUnit',
      },
    ]);
    expect(rehearsal.refusals[0]?.fix).toMatch(/still holds accounts or OUs that the plan does not move out/);
    expect(rehearsal.applied).toBe(1);
    expect(rehearsalBlocks(rehearsed)).toBe(true);
  });

  it('an eleventh SCP on a target', async () => {
    const live = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const nine = Array.from({ length: 9 }, (_, i) => deny(`deny-${i}`, `s3:Get${i}`));
    const full = organizationalUnit('Full', { parent: root, policies: [FullAWSAccess, ...nine] });
    const config = orgOf({ root, ous: [full] });
    await converge(live, config);
    // The planner refuses an eleventh attachment; the plan is built by hand, as a planner bug would.
    const plan = await handPlan(live, [
      [
        'write-policies',
        {
          kind: 'policy-create',
          action: 'create',
          policyType: SCP,
          name: 'eleventh',
          description: '',
          content: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:*","Resource":"*"}]}',
          tags: {},
          address: `policy/${SCP}/eleventh`,
        },
      ],
      [
        'attachments',
        {
          kind: 'policy-attachment',
          action: 'attach',
          policyType: SCP,
          policyName: 'eleventh',
          target: { kind: 'ou', path: '/Full' },
          address: `attachment/${SCP}/eleventh@/Full`,
        },
      ],
    ]);
    const { rehearsal } = await rehearse(live, plan, config);
    expect(refusalsOf(rehearsal)).toEqual([
      {
        address: `attachment/${SCP}/eleventh@/Full`,
        code: 'ConstraintViolationException',
        reason: 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
        operation: 'organizations:AttachPolicy',
      },
    ]);
    expect(rehearsal.refusals[0]?.fix).toMatch(/at most 10 SERVICE_CONTROL_POLICY attached directly/);
    expect(rehearsal.applied).toBe(1);
  });

  it('more accounts than the quota leaves room for, and converges once the twin is told the real quota', async () => {
    const live = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const nine = Array.from({ length: 9 }, (_, i) => member(`m${i}`, root));
    await converge(live, orgOf({ root, members: nine }));
    const config = orgOf({ root, members: [...nine, member('m9', root), member('m10', root)] });
    // The planner checks the quota it reads (10, full); the plan is made as if it could not read it.
    const desired = normalize(config);
    const { quotas: _quotas, ...unread } = await readSnapshot(live, configReadOptions(desired));
    const plan = planEverything({ desired, snapshot: unread, toolVersion: 'test' }).plan;
    expect(changesOf(plan).filter((c) => c.kind === 'account-create')).toHaveLength(2);

    const { rehearsal } = await rehearse(live, plan, config);
    expect(rehearsal.outcome).toBe('refused');
    expect(refusalsOf(rehearsal)).toEqual(
      ['m10', 'm9'].map((name) => ({
        address: `account/${name}@example.com`,
        code: 'ACCOUNT_LIMIT_EXCEEDED',
        reason: undefined,
        operation: 'organizations:CreateAccount',
      })),
    );
    expect(rehearsal.refusals[0]?.fix).toMatch(/--account-quota/);
    // The quota came from the read: nothing assumed.
    expect(rehearsal.assumptions).toEqual([]);

    const told = await rehearse(live, plan, config, { maxAccounts: 12 });
    expect(told.rehearsal.outcome).toBe('converges');
    expect(told.rehearsal.assumptions).toEqual([
      expect.stringMatching(/^The account quota is 12, as given with --account-quota/),
    ]);
  });

  it('an assignment for a permission set that is being deleted', async () => {
    const live = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const app = member('app', root);
    const doomed = permissionSet({ name: 'Doomed' });
    const config = orgOf({ root, members: [app], permissionSets: [doomed] });
    await converge(live, config);
    const account = { email: 'app@example.com', name: 'app', id: accountNamed(live, 'app').id };
    const arn = live.exportState().identityCenter?.permissionSets[0]?.arn ?? '';
    const plan = await handPlan(live, [
      [
        'create-assignments',
        {
          kind: 'assignment',
          action: 'create',
          principal: { type: 'GROUP', name: 'developers' },
          permissionSet: 'Doomed',
          account,
          address: 'assignment/GROUP:developers/Doomed/app@example.com',
        },
      ],
      [
        'delete-permission-sets',
        {
          kind: 'permission-set-delete',
          action: 'delete',
          name: 'Doomed',
          arn,
          address: 'permission-set/Doomed',
        },
      ],
    ]);
    const withGroup = orgOf({
      root,
      members: [app],
      permissionSets: [doomed],
      assignments: [assign(group('developers'), doomed, [app])],
    });
    const { rehearsal } = await rehearse(live, plan, withGroup);
    expect(refusalsOf(rehearsal)).toEqual([
      {
        address: 'permission-set/Doomed',
        code: 'ConflictException',
        reason: undefined,
        operation: 'sso-admin:DeletePermissionSet',
      },
    ]);
    expect(rehearsal.refusals[0]?.fix).toMatch(/still has assignments when it is deleted/);
    expect(rehearsal.applied).toBe(1);
  });

  it('an RCP attached while the RCP policy type is disabled', async () => {
    const live = sandbox();
    await live.organizations.enablePolicyType('r-sbx0', RCP);
    const tls = denyS3Policy('tls', INSECURE_TRANSPORT);
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const apps = organizationalUnit('Apps', { parent: root });
    const config = orgOf({ root, ous: [apps], policies: [tls] });
    await live.organizations.createPolicy({
      type: RCP,
      name: 'tls',
      description: '',
      content: JSON.stringify(tls.content),
      tags: {},
    });
    await live.organizations.disablePolicyType('r-sbx0', RCP);
    await converge(live, config);
    const plan = await handPlan(live, [
      [
        'attachments',
        {
          kind: 'policy-attachment',
          action: 'attach',
          policyType: RCP,
          policyName: 'tls',
          target: { kind: 'ou', path: '/Apps' },
          address: `attachment/${RCP}/tls@/Apps`,
        },
      ],
    ]);
    const { rehearsal } = await rehearse(live, plan, config);
    expect(refusalsOf(rehearsal)).toEqual([
      {
        address: `attachment/${RCP}/tls@/Apps`,
        code: 'PolicyTypeNotEnabledException',
        reason: undefined,
        operation: 'organizations:AttachPolicy',
      },
    ]);
    expect(rehearsal.refusals[0]?.fix).toContain("policyTypes: ['RESOURCE_CONTROL_POLICY']");
  });

  it('counts the changes that depend on a refused one as not rehearsed', async () => {
    const live = sandbox();
    const config = orgOf({});
    await converge(live, config);
    const names = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6'];
    const changes: [PhaseName, Change][] = names.map((name, i) => [
      'create-ous',
      {
        kind: 'ou-create',
        action: 'create',
        path: `/${names.slice(0, i + 1).join('/')}`,
        name,
        parentPath: i === 0 ? '/' : `/${names.slice(0, i).join('/')}`,
        tags: {},
        address: `ou/${names.slice(0, i + 1).join('/')}`,
      },
    ]);
    changes.push(accountCreate(1, `/${names.join('/')}`));
    const { rehearsal } = await rehearse(live, await handPlan(live, changes), config, { maxAccounts: 5 });
    expect(refusalsOf(rehearsal)).toEqual([
      {
        address: 'ou/L1/L2/L3/L4/L5/L6',
        code: 'ConstraintViolationException',
        reason: 'OU_DEPTH_LIMIT_EXCEEDED',
        operation: 'organizations:CreateOrganizationalUnit',
      },
    ]);
    // The account is created, but cannot be moved into the OU that was never created.
    expect({ applied: rehearsal.applied, notRehearsed: rehearsal.notRehearsed }).toEqual({
      applied: 5,
      notRehearsed: 1,
    });
  });
});

describe('a rehearsal that goes through', () => {
  it('applies every change of a real plan to the twin and converges', async () => {
    const live = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const prod = organizationalUnit('Prod', {
      parent: root,
      policies: [FullAWSAccess, deny('deny-s3', 's3:*')],
    });
    const ro = permissionSet({
      name: 'ReadOnly',
      managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    });
    const app = member('app', prod);
    const config = orgOf({
      root,
      ous: [prod],
      members: [app, member('web', prod)],
      permissionSets: [ro],
      assignments: [assign(group('developers'), ro, [prod])],
    });
    const plan = await planFor(live, config);
    const result = await rehearse(live, plan, config);
    expect(result.rehearsal).toMatchObject({
      outcome: 'converges',
      refusals: [],
      leftOver: [],
      notRehearsed: 0,
    });
    expect(result.rehearsal.applied + result.rehearsal.skipped).toBe(changesOf(plan).length);
    expect(result.plan.rehearsal).toEqual(result.rehearsal);
    expect(result.elapsedMs).toBeGreaterThan(0);
    expect(result.twinStats.total).toBeGreaterThan(0);
  });

  it('reports a plan that applies but does not reach the config as not converging', async () => {
    const live = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const config = orgOf({
      root,
      ous: [organizationalUnit('A', { parent: root }), organizationalUnit('B', { parent: root })],
    });
    const onlyA = await handPlan(live, [
      [
        'create-ous',
        {
          kind: 'ou-create',
          action: 'create',
          path: '/A',
          name: 'A',
          parentPath: '/',
          tags: {},
          address: 'ou/A',
        },
      ],
    ]);
    const { rehearsal } = await rehearse(live, onlyA, config);
    expect(rehearsal).toMatchObject({ outcome: 'does-not-converge', applied: 1, refusals: [] });
    expect(rehearsal.leftOver).toEqual([{ address: 'ou/B', action: 'create' }]);
  });
});
