import {
  policyActions as actionsOf,
  rcpServices,
  servicesWithoutRcpSupport,
  unknownActions,
  unknownConditionKeys,
} from '@orgops/simulate';
import { describe, expect, it } from 'vitest';
import { GLOBAL_SERVICE_ACTIONS, RCP_SERVICE_ACTIONS } from '../src/index.ts';
import { allPermissionSets, allRcps, allScps } from './fixtures.ts';

describe.each(allScps().map((p) => [p.name, p] as const))('SCP %s', (_name, policy) => {
  it('names only actions that exist in the IAM catalogue', async () => {
    expect(await unknownActions(actionsOf(policy.content))).toEqual([]);
  });
  it('uses only condition keys that exist', async () => {
    expect(await unknownConditionKeys(policy.content)).toEqual([]);
  });
});

describe.each(allRcps().map((p, i) => [`${p.name}#${i}`, p] as const))('RCP %s', (_name, policy) => {
  it('names only actions that exist in the IAM catalogue', async () => {
    expect(await unknownActions(actionsOf(policy.content))).toEqual([]);
  });
  it('uses only condition keys that exist', async () => {
    expect(await unknownConditionKeys(policy.content)).toEqual([]);
  });
  it('covers only services that support RCPs', async () => {
    expect(await servicesWithoutRcpSupport(policy.content)).toEqual([]);
  });
});

describe.each(allPermissionSets().map((ps) => [ps.name, ps] as const))('permission set %s', (_name, ps) => {
  it('names only actions that exist in the IAM catalogue', async () => {
    expect(await unknownActions(ps.inlinePolicy ? actionsOf(ps.inlinePolicy) : [])).toEqual([]);
  });
  it('uses only condition keys that exist', async () => {
    expect(ps.inlinePolicy ? await unknownConditionKeys(ps.inlinePolicy) : []).toEqual([]);
  });
});

it('every global-service exemption of the region allow-list exists', async () => {
  expect(await unknownActions(GLOBAL_SERVICE_ACTIONS)).toEqual([]);
});

it('the quarantine RCP covers every service the catalogue says RCPs support', async () => {
  expect(RCP_SERVICE_ACTIONS.map((a) => a.replace(/:\*$/, ''))).toEqual(await rcpServices());
});
