import { classifyDrift, type Plan } from '@orgops/engine';
import { readSnapshot } from '@orgops/live';
import {
  assign,
  FullAWSAccess,
  group,
  organizationalUnit,
  organizationRoot,
  permissionSet,
  policy,
  serviceControlPolicy,
} from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { applyFor, converge, planFor, summary } from './e2e-helpers.ts';
import { sandbox } from './helpers.ts';
import { accountNamed, attachedTo, member, orgOf, ouAt } from './truth-helpers.ts';

const denyRegions = (name: string, regions: string[]) =>
  serviceControlPolicy({
    name,
    content: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          NotAction: 'iam:*',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': regions } },
        },
      ],
    },
  });

describe('issue 13 item 5: a policy rename that reuses the old name', () => {
  it('renames the live policy in place and creates the new one', async () => {
    const sb = sandbox();
    const narrow = denyRegions('deny-regions', ['eu-west-1']);
    const root = organizationRoot({ policies: [FullAWSAccess, narrow] });
    await converge(sb, orgOf({ root }));
    const oldId = sb.exportState().policies.find((p) => p.name === 'deny-regions')!.id;

    const legacy = { ...denyRegions('deny-regions-legacy', ['eu-west-1']), renamedFrom: 'deny-regions' };
    const wider = denyRegions('deny-regions', ['eu-west-1', 'us-east-1']);
    const root2 = organizationRoot({ policies: [FullAWSAccess, legacy] });
    const prod = organizationalUnit('Prod', { parent: root2, policies: [FullAWSAccess, wider] });
    await converge(sb, orgOf({ root: root2, ous: [prod] }));

    const state = sb.exportState();
    const legacyNow = state.policies.find((p) => p.name === 'deny-regions-legacy')!;
    expect(legacyNow.id).toBe(oldId);
    expect(legacyNow.content).not.toContain('us-east-1');
    const widerNow = state.policies.find((p) => p.name === 'deny-regions')!;
    expect(widerNow.id).not.toBe(oldId);
    expect(widerNow.content).toContain('us-east-1');
    expect(attachedTo(sb, state.root.id)).toEqual(['FullAWSAccess', 'deny-regions-legacy']);
    expect(attachedTo(sb, ouAt(sb, 'Prod')!.id)).toEqual(['FullAWSAccess', 'deny-regions']);
  });
});

describe('issue 13 item 6: permission-set changes reach ignored accounts', () => {
  it('re-provisions the changed permission set in an ignored account that has it', async () => {
    const sb = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const vendor = member('vendor', root);
    const operator = (policy: string) =>
      permissionSet({ name: 'Operator', managedPolicies: [`arn:aws:iam::aws:policy/${policy}`] });
    await converge(
      sb,
      orgOf({
        root,
        members: [vendor],
        permissionSets: [operator('AdministratorAccess')],
        assignments: [assign(group('developers'), operator('AdministratorAccess'), [vendor])],
      }),
    );
    await converge(
      sb,
      orgOf({
        root,
        permissionSets: [operator('ReadOnlyAccess')],
        ignore: { accounts: ['vendor@example.com'] },
      }),
    );
    const ps = sb.exportState().identityCenter!.permissionSets.find((p) => p.name === 'Operator')!;
    expect(ps.managedPolicies).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(ps.provisioned[accountNamed(sb, 'vendor').id]).toBe(ps.version);
  });
});

describe('issue 13 item 11: enabling SCPs and detaching FullAWSAccess in one plan', () => {
  it('knows FullAWSAccess while SCPs are still disabled', async () => {
    const sb = sandbox();
    const rootId = sb.exportState().root.id;
    await sb.organizations.disablePolicyType(rootId, 'SERVICE_CONTROL_POLICY');
    const allowEc2 = serviceControlPolicy({
      name: 'allow-ec2',
      content: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] },
    });
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const sandboxOu = organizationalUnit('Sandbox', { parent: root, policies: [allowEc2] });
    await converge(sb, orgOf({ root, ous: [sandboxOu] }));
    expect(attachedTo(sb, ouAt(sb, 'Sandbox')!.id)).toEqual(['allow-ec2']);
  });
});

describe('issue 13 item 12: a policy type disabled in the console', () => {
  const tagPolicy = policy('TAG_POLICY', {
    name: 'cost-center',
    content: { tags: { costcenter: { tag_key: { '@@assign': 'CostCenter' } } } },
  });
  const config = () => {
    const root = organizationRoot({ policies: [FullAWSAccess, tagPolicy] });
    return orgOf({ root, policyTypes: ['SERVICE_CONTROL_POLICY', 'TAG_POLICY'] });
  };

  it('re-enables the type and re-attaches the existing policy instead of creating it', async () => {
    const sb = sandbox();
    await converge(sb, config());
    const id = sb.exportState().policies.find((p) => p.name === 'cost-center')!.id;
    await sb.organizations.disablePolicyType(sb.exportState().root.id, 'TAG_POLICY');

    const p = await planFor(sb, config());
    expect(summary(p)).toEqual([
      'enable-services: enable policy-type/TAG_POLICY',
      'attachments: attach attachment/TAG_POLICY/cost-center@/',
    ]);
    expect(classifyDrift(p).map((d) => d.description)).toEqual([
      'policy type TAG_POLICY was disabled',
      'cost-center was detached from the root',
    ]);
    await converge(sb, config());
    expect(sb.exportState().policies.find((x) => x.name === 'cost-center')!.id).toBe(id);
  });
});

describe('issue 13 item 16: clearing a permission set field converges', () => {
  it('removes the relay state and the next plan is empty', async () => {
    const sb = sandbox();
    const ps = (relayState?: string) =>
      permissionSet({
        name: 'Console',
        description: 'Console access',
        managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        ...(relayState ? { relayState } : {}),
      });
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const app = member('app', root);
    const config = (relayState?: string) =>
      orgOf({
        root,
        members: [app],
        permissionSets: [ps(relayState)],
        assignments: [assign(group('developers'), ps(relayState), [app])],
      });
    await converge(sb, config('https://console.aws.amazon.com/ec2/home'));
    // Applied from a saved plan: a field set to undefined does not survive JSON.
    const saved = JSON.parse(JSON.stringify(await planFor(sb, config()))) as Plan;
    expect((await applyFor(sb, saved)).ok).toBe(true);
    expect(summary(await planFor(sb, config()))).toEqual([]);
    const live = sb.exportState().identityCenter!.permissionSets[0]!;
    expect(live.relayState).toBeUndefined();
    expect(live.description).toBe('Console access');
  });
});

describe('issue 13, also: an assignment of a group deleted from the identity store', () => {
  it('is deleted by principal id, as AWS allows, and the next plan is empty', async () => {
    const sb = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const app = member('app', root);
    const billing = permissionSet({
      name: 'Billing',
      managedPolicies: ['arn:aws:iam::aws:policy/job-function/Billing'],
    });
    const base = { root, members: [app], permissionSets: [billing] };
    await converge(sb, orgOf({ ...base, assignments: [assign(group('finops'), billing, [app])] }));

    // The group is deleted in the identity source; AWS keeps its account assignments.
    const state = sb.exportState();
    state.identityCenter!.groups = state.identityCenter!.groups.filter((g) => g.name !== 'finops');
    sb.importState(state);

    // Listing per principal cannot find a principal that no longer exists; its pair still shows it.
    const perPrincipal = await readSnapshot(sb, { assignments: 'per-principal' });
    expect(perPrincipal.identityCenter!.assignments).toHaveLength(1);

    const p = await planFor(sb, orgOf(base));
    expect(summary(p)).toEqual([
      expect.stringMatching(
        /^delete-assignments: delete assignment\/GROUP:[0-9a-f-]+\/Billing\/app@example.com$/,
      ),
    ]);
    await converge(sb, orgOf(base));
    expect(sb.exportState().identityCenter!.assignments).toEqual([]);
  });
});
