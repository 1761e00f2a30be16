import {
  account,
  assign,
  FullAWSAccess,
  group,
  type OrganizationConfig,
  organizationalUnit,
  organizationRoot,
  permissionSet,
  trustedService,
  user,
} from '@orgops/model';
import {
  denyLeavePolicy,
  denyS3Policy,
  INSECURE_TRANSPORT,
  managementIn,
  testOrganization,
} from '@orgops/model/testing';
import { describe, expect, it } from 'vitest';
import { applyFor, converge, planFor, summary } from './e2e-helpers.ts';
import { sandbox } from './helpers.ts';

const denyLeave = denyLeavePolicy();

function org(variant: 'initial' | 'changed' = 'initial'): OrganizationConfig {
  const root = organizationRoot({
    policies: variant === 'initial' ? [FullAWSAccess, denyLeave] : [denyLeave],
  });
  const security = organizationalUnit('Security', { parent: root });
  const workloads = organizationalUnit('Workloads', { parent: root, tags: { owner: 'platform' } });
  const prod = organizationalUnit('Prod', { parent: workloads, policies: [FullAWSAccess, denyLeave] });
  const dev = organizationalUnit('Dev', { parent: workloads });
  const mgmt = managementIn(root);
  const log = account({ name: 'log-archive', email: 'log@example.com', parent: security });
  const appProd = account({
    name: 'app-prod',
    email: 'app-prod@example.com',
    parent: prod,
    tags: { env: 'prod' },
  });
  const appDev = account({
    name: 'app-dev',
    email: 'app-dev@example.com',
    parent: variant === 'initial' ? dev : prod,
  });
  const readOnly = permissionSet({
    name: 'ReadOnly',
    managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    sessionDuration: variant === 'initial' ? 'PT4H' : 'PT8H',
  });
  const admin = permissionSet({
    name: 'Admin',
    managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
  });
  return testOrganization({
    root,
    organizationalUnits: [security, workloads, prod, dev],
    accounts: [mgmt, log, appProd, appDev],
    permissionSets: [readOnly, admin],
    assignments:
      variant === 'initial'
        ? [
            assign(group('developers'), readOnly, [workloads]),
            assign(group('platform-admins'), admin, [prod]),
            assign(user('alice'), readOnly, [log]),
          ]
        : [
            assign(group('developers'), readOnly, [workloads]),
            assign(group('security-auditors'), readOnly, [security]),
          ],
    trustedServices: [trustedService('sso.amazonaws.com')],
  });
}

describe('plan -> apply -> plan', () => {
  it('builds a whole organization from the seed and the next plan is empty', async () => {
    const sb = sandbox();
    const result = await converge(sb, org());
    expect(result.counts.failed).toBe(0);
    expect(result.counts.done).toBeGreaterThan(10);
    const state = sb.exportState();
    expect(state.ous.map((o) => o.name).sort()).toEqual(['Dev', 'Prod', 'Security', 'Workloads']);
    expect(state.identityCenter?.assignments).toHaveLength(4);
  });

  it('converges again after moves, SCP swaps at the root, a re-provisioned update and assignment changes', async () => {
    const sb = sandbox();
    await converge(sb, org('initial'));
    const p = await planFor(sb, org('changed'));
    const lines = summary(p);
    expect(lines).toContain('attachments: detach attachment/SERVICE_CONTROL_POLICY/FullAWSAccess@/');
    expect(lines.some((l) => l.startsWith('provision: provision provision/ReadOnly'))).toBe(true);
    await converge(sb, org('changed'));
    const state = sb.exportState();
    const readOnly = state.identityCenter!.permissionSets.find((x) => x.name === 'ReadOnly')!;
    expect(Object.values(readOnly.provisioned).every((v) => v === readOnly.version)).toBe(true);
    expect(state.identityCenter!.permissionSets.map((x) => x.name).sort()).toEqual(['Admin', 'ReadOnly']);
  });

  it('emits progress events instead of printing', async () => {
    const sb = sandbox();
    const events: { kind: string }[] = [];
    const p = await planFor(sb, org());
    const result = await applyFor(sb, p, events as never[]);
    expect(result.ok).toBe(true);
    const kinds = new Set(events.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['done', 'phase', 'refresh', 'start', 'wait']);
    expect(events.filter((e) => e.kind === 'done')).toHaveLength(result.counts.done);
  });
});

describe('policy types and delegated administrators', () => {
  it('enables RCPs, attaches an RCP, registers a delegated admin, then undoes it all', async () => {
    const sb = sandbox();
    const denyExternal = denyS3Policy('deny-external', INSECURE_TRANSPORT);
    const config = (withExtras: boolean) => {
      const root = organizationRoot({ policies: [FullAWSAccess] });
      const security = organizationalUnit('Security', {
        parent: root,
        policies: withExtras ? [FullAWSAccess, denyExternal] : [],
      });
      const mgmt = managementIn(root);
      const audit = account({ name: 'audit', email: 'audit@example.com', parent: security });
      return testOrganization({
        policyTypes: withExtras
          ? ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']
          : ['SERVICE_CONTROL_POLICY'],
        root,
        organizationalUnits: [security],
        accounts: [mgmt, audit],
        policies: withExtras ? [denyExternal] : [],
        trustedServices: withExtras
          ? [
              trustedService('sso.amazonaws.com'),
              trustedService('guardduty.amazonaws.com', { delegatedAdministrator: audit }),
            ]
          : [trustedService('sso.amazonaws.com')],
        ...(withExtras
          ? {}
          : {
              disable: {
                trustedServices: ['guardduty.amazonaws.com'],
                policyTypes: ['RESOURCE_CONTROL_POLICY'],
              },
            }),
      });
    };
    await converge(sb, config(false));
    await converge(sb, config(true));
    const state = sb.exportState();
    expect(state.root.enabledPolicyTypes).toContain('RESOURCE_CONTROL_POLICY');
    expect(state.delegatedAdministrators).toEqual([
      {
        accountId: state.accounts.find((a) => a.email === 'audit@example.com')!.id,
        servicePrincipal: 'guardduty.amazonaws.com',
      },
    ]);
    const rcp = state.policies.find((p) => p.name === 'deny-external')!;
    expect(rcp.targets).toEqual([state.ous[0]!.id]);
    await converge(sb, config(false));
    expect(sb.exportState().root.enabledPolicyTypes).toEqual(['SERVICE_CONTROL_POLICY']);
    expect(sb.exportState().delegatedAdministrators).toEqual([]);
  });
});
