import { describe, expect, it } from 'vitest';
import {
  actionProblems,
  rcpServices,
  servicesWithoutRcpSupport,
  suggestAction,
  unknownActions,
  unknownConditionKeys,
} from '../src/index.ts';

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

  it('says why an action is unknown: its format, its service or its name; case does not matter', async () => {
    expect(
      await actionProblems([
        'S3:getobject',
        'cloudtrial:StopLogging',
        'cloudtrail:StopLoging',
        'ec2:DeleteProd*',
        'iam',
        'iam:Get:Role',
      ]),
    ).toEqual([
      { action: 'cloudtrial:StopLogging', problem: 'service' },
      { action: 'cloudtrail:StopLoging', problem: 'action' },
      { action: 'ec2:DeleteProd*', problem: 'action' },
      { action: 'iam', problem: 'format' },
      { action: 'iam:Get:Role', problem: 'format' },
    ]);
  });

  it("suggests the action a misspelt one most likely meant, in the catalogue's spelling", async () => {
    expect(await suggestAction('cloudtrail:StopLoging')).toBe('cloudtrail:StopLogging');
    expect(await suggestAction('cloudtrail:stoplogging')).toBe('cloudtrail:StopLogging');
    expect(await suggestAction('cloudtrial:StopLogging')).toBe('cloudtrail:StopLogging');
    expect(await suggestAction('cloudtrial:StopLoging')).toBe('cloudtrail:StopLogging');
    expect(await suggestAction('gaurdduty:Delete*')).toBe('guardduty:Delete*');
    expect(await suggestAction('guardduty:DeleteDetecter*')).toBe('guardduty:DeleteDetector*');
    // Nothing close: no guess rather than a wrong one.
    expect(await suggestAction('guardduty:Frobnicate*')).toBeUndefined();
    expect(await suggestAction('nosuchservice:Anything')).toBeUndefined();
    expect(await suggestAction('iam')).toBeUndefined();
  });

  it('catches an unknown condition key, and knows global and service keys', async () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: {
            StringEquals: {
              'ec2:MetadataHttpToken': 'required',
              'aws:PrincipalArn': 'x',
              'aws:ResourceTag/team': 'a',
              'ec2:MetadataHttpTokens': 'required',
            },
          },
        },
      ],
    };
    expect(await unknownConditionKeys(doc)).toEqual(['ec2:MetadataHttpToken']);
  });

  it('knows which services RCPs support', async () => {
    expect(await rcpServices()).toEqual(
      expect.arrayContaining(['s3', 'sqs', 'kms', 'secretsmanager', 'sts']),
    );
    const doc = {
      Statement: [{ Effect: 'Deny', Principal: '*', Action: ['s3:*', 'ec2:RunInstances'], Resource: '*' }],
    };
    expect(await servicesWithoutRcpSupport(doc)).toEqual(['ec2']);
  });
});
