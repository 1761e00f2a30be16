/**
 * plan -> applyPlan -> plan over this backend against moto: the applier from @orgops/live drives
 * the real SDK over HTTP, and a second read must find nothing left to do. Assignments are left
 * out: moto provisions every permission set to the caller's account whatever the target, so the
 * reader cannot see assignments to member accounts there (the sandbox covers them).
 */

import { CreateOrganizationCommand } from '@aws-sdk/client-organizations';
import { isEmptyPlan, type Plan, plan } from '@orgops/engine';
import { applyPlan, configPrincipals, readSnapshot } from '@orgops/live';
import {
  account,
  defineOrganization,
  FullAWSAccess,
  managementAccount,
  normalize,
  type OrganizationConfig,
  organizationalUnit,
  organizationRoot,
  permissionSet,
  serviceControlPolicy,
} from '@orgops/model';
import { type Moto, motoClients, motoOptions, startMoto } from '@orgops/testkit/moto';
import { fillMotoGaps } from '@orgops/testkit/moto-gaps';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsBackend, createAwsBackendFromClients, createAwsClients } from '../src/index.ts';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
  await moto.reset();
  const seed = motoClients(moto);
  await seed.organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  for (const client of Object.values(seed)) client.destroy();
});
afterAll(async () => {
  await moto?.stop();
});

const denyLeave = serviceControlPolicy({
  name: 'deny-leave',
  content: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }],
  },
});

function org(variant: 'initial' | 'changed'): OrganizationConfig {
  const root = organizationRoot({ policies: [FullAWSAccess, denyLeave] });
  const security = organizationalUnit('Security', { parent: root });
  const workloads = organizationalUnit('Workloads', { parent: root, tags: { owner: 'platform' } });
  const prod = organizationalUnit('Prod', { parent: workloads, policies: [FullAWSAccess, denyLeave] });
  const dev = organizationalUnit('Dev', { parent: workloads });
  const mgmt = managementAccount({ name: 'master', email: 'master@example.com', parent: root });
  const log = account({ name: 'log-archive', email: 'log@example.com', parent: security });
  const app = account({
    name: 'app',
    email: 'app@example.com',
    parent: variant === 'initial' ? dev : prod,
    tags: { env: variant === 'initial' ? 'dev' : 'prod' },
  });
  const readOnly = permissionSet({
    name: 'ReadOnly',
    managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    sessionDuration: variant === 'initial' ? 'PT4H' : 'PT8H',
  });
  return defineOrganization({
    policyTypes: ['SERVICE_CONTROL_POLICY'],
    root,
    organizationalUnits: [security, workloads, prod, dev],
    accounts: [mgmt, log, app],
    defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
    permissionSets: [readOnly],
    assignments: [],
  });
}

async function backend(): Promise<AwsBackend> {
  const { clients, location, regions } = await createAwsClients(motoOptions(moto));
  fillMotoGaps(clients);
  return createAwsBackendFromClients(clients, { location, regions, pageSize: 2, rateScale: 1000 });
}

async function planFor(b: AwsBackend, config: OrganizationConfig): Promise<Plan> {
  const desired = normalize(config);
  const snapshot = await readSnapshot(b, { principals: configPrincipals(desired) });
  const result = plan({ desired, snapshot, toolVersion: '0.0.0-test' });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
  return result.value;
}

const changesOf = (p: Plan) => p.phases.flatMap((ph) => ph.changes.map((c) => `${c.action} ${c.address}`));

async function converge(config: OrganizationConfig): Promise<Plan> {
  const b = await backend();
  try {
    const first = await planFor(b, config);
    const result = await applyPlan(first, b, { pollIntervalMs: 0 });
    const failed = result.outcomes
      .filter((o) => o.status === 'failed')
      .map((o) => `${o.address}: ${o.error?.message}`);
    expect(failed).toEqual([]);
    expect(result.ok).toBe(true);
    const second = await planFor(b, config);
    expect(changesOf(second)).toEqual([]);
    expect(isEmptyPlan(second)).toBe(true);
    return first;
  } finally {
    b.destroy();
  }
}

describe('plan -> apply -> plan against moto', () => {
  it('builds the organization from an empty one, then applies moves, tag and permission set updates', async () => {
    const created = await converge(org('initial'));
    expect(changesOf(created)).toEqual(
      expect.arrayContaining([
        'create ou/Security',
        'create ou/Workloads/Prod',
        'create account/log@example.com',
        'create policy/SERVICE_CONTROL_POLICY/deny-leave',
        'attach attachment/SERVICE_CONTROL_POLICY/deny-leave@/',
        'attach attachment/SERVICE_CONTROL_POLICY/deny-leave@/Workloads/Prod',
        'create permission-set/ReadOnly',
      ]),
    );
    const updated = await converge(org('changed'));
    expect(changesOf(updated).sort()).toEqual([
      'move account/app@example.com',
      'tag account/app@example.com',
      'update permission-set/ReadOnly',
    ]);
  });
});
