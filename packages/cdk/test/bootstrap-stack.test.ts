import { iamActionsFor } from '@orgops/aws/permissions';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PIPELINE_ROLES, type PipelineJob } from '../src/github.ts';
import { pipelineStatements } from '../src/role-permissions.ts';
import {
  ACCOUNT,
  actionsOf,
  EXISTING_PROVIDER_ARN,
  FULL,
  KMS_KEY_ARN,
  MINIMAL,
  roleNamed,
  statementsOf,
  synthesize,
} from './synth.ts';

const JOBS: readonly PipelineJob[] = ['plan', 'drift', 'apply'];
const ISSUER = 'token.actions.githubusercontent.com';
const minimal = synthesize(MINIMAL);
const full = synthesize(FULL);

/** The whole trust policy a role must have: one statement, nothing else. */
function expectedTrust(federated: unknown, sub: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Action: 'sts:AssumeRoleWithWebIdentity',
        Effect: 'Allow',
        Principal: { Federated: federated },
        Condition: { StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com', [`${ISSUER}:sub`]: sub } },
      },
    ],
  };
}

describe('the OIDC provider', () => {
  it('is created for GitHub with the STS audience only when no ARN is given', () => {
    minimal.template.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    minimal.template.hasResourceProperties(
      'AWS::IAM::OIDCProvider',
      Match.objectEquals({ Url: `https://${ISSUER}`, ClientIdList: ['sts.amazonaws.com'] }),
    );
  });

  it('is reused by ARN: no provider resource, the roles federate with that ARN', () => {
    full.template.resourceCountIs('AWS::IAM::OIDCProvider', 0);
    for (const job of JOBS) {
      const trust = roleNamed(full.json, PIPELINE_ROLES[job])
        .AssumeRolePolicyDocument as typeof expectedTrust;
      expect(JSON.stringify(trust)).toContain(`"Federated":"${EXISTING_PROVIDER_ARN}"`);
    }
  });
});

describe('trust: each role for exactly one subject', () => {
  const providerRef = {
    Ref: Object.keys(minimal.json.Resources).find((k) => k.startsWith('GitHubOidcProvider')),
  };

  it.each([
    ['plan', 'repo:acme/org-config:pull_request'],
    ['drift', 'repo:acme/org-config:ref:refs/heads/main'],
    ['apply', 'repo:acme/org-config:environment:orgops-apply'],
  ] as const)('%s: StringEquals on aud and %s', (job, sub) => {
    expect(roleNamed(minimal.json, PIPELINE_ROLES[job]).AssumeRolePolicyDocument).toEqual(
      expectedTrust(providerRef, sub),
    );
  });

  it.each([
    ['plan', 'repo:acme@123456/org-config@456789:pull_request'],
    ['drift', 'repo:acme@123456/org-config@456789:ref:refs/heads/trunk'],
    ['apply', 'repo:acme@123456/org-config@456789:environment:orgops-apply'],
  ] as const)('immutable ids and another default branch: %s trusts %s', (job, sub) => {
    expect(roleNamed(full.json, PIPELINE_ROLES[job]).AssumeRolePolicyDocument).toEqual(
      expectedTrust(EXISTING_PROVIDER_ARN, sub),
    );
  });

  it('no trust policy has a wildcard or a pattern operator', () => {
    for (const { json } of [minimal, full]) {
      for (const job of JOBS) {
        const trust = JSON.stringify(roleNamed(json, PIPELINE_ROLES[job]).AssumeRolePolicyDocument);
        expect(trust).not.toMatch(/[*?]/);
        expect(trust).not.toMatch(/StringLike|ForAnyValue|ForAllValues/);
      }
    }
  });

  it('the three subjects differ', () => {
    const subs = JOBS.map((job) =>
      JSON.stringify(roleNamed(minimal.json, PIPELINE_ROLES[job]).AssumeRolePolicyDocument),
    );
    expect(new Set(subs).size).toBe(3);
  });
});

describe('roles', () => {
  it('are exactly the three pipeline roles, one-hour sessions, no managed policies or boundary escapes', () => {
    minimal.template.resourceCountIs('AWS::IAM::Role', 3);
    for (const job of JOBS) {
      const role = roleNamed(minimal.json, PIPELINE_ROLES[job]);
      expect(role.MaxSessionDuration).toBe(3600);
      expect(role.ManagedPolicyArns).toBeUndefined();
    }
    minimal.template.resourceCountIs('AWS::IAM::Policy', 0);
    minimal.template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
  });

  it('carry exactly the generated permissions', () => {
    for (const { json } of [minimal, full]) {
      for (const job of JOBS) {
        const statements = statementsOf(roleNamed(json, PIPELINE_ROLES[job]));
        const partition = 'aws';
        const kms = json === full.json ? { identityCenterKmsKeyArn: KMS_KEY_ARN } : {};
        const expected = pipelineStatements(job, { partition, account: ACCOUNT, ...kms });
        expect(
          statements.map((s) => ({
            sid: s.Sid,
            effect: s.Effect,
            actions: s.Action,
            resources: s.Resource,
            condition: s.Condition,
          })),
        ).toEqual(
          expected.map((s) => ({
            sid: s.sid,
            effect: 'Allow',
            actions: s.actions.length === 1 ? s.actions[0] : s.actions,
            resources: s.resources.length === 1 ? s.resources[0] : s.resources,
            condition: s.condition,
          })),
        );
      }
    }
  });

  it('plan and drift: the read actions of the operations table and nothing else', () => {
    for (const job of ['plan', 'drift'] as const) {
      expect(actionsOf(roleNamed(minimal.json, PIPELINE_ROLES[job])).sort()).toEqual(iamActionsFor('read'));
    }
  });

  it('apply: the read and write actions of the table, and the Identity Center role work in this account', () => {
    const apply = roleNamed(minimal.json, PIPELINE_ROLES.apply);
    const table = new Set([...iamActionsFor('read'), ...iamActionsFor('write')]);
    const extra = actionsOf(apply).filter((a) => !table.has(a));
    expect(extra.every((a) => a.startsWith('iam:'))).toBe(true);
    expect(
      actionsOf(apply)
        .filter((a) => table.has(a))
        .sort(),
    ).toEqual([...table].sort());
    const scoped = statementsOf(apply).filter((s) => s.Sid === 'IdentityCenterRolesInManagementAccount');
    expect(scoped.map((s) => s.Resource)).toEqual([
      `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/*`,
    ]);
  });

  it('with a customer managed key: kms:Decrypt through Identity Center for all, Encrypt for apply, on that key only', () => {
    for (const job of JOBS) {
      const kms = statementsOf(roleNamed(full.json, PIPELINE_ROLES[job])).filter((s) =>
        [s.Action].flat().some((a) => a.startsWith('kms:')),
      );
      for (const s of kms) {
        expect(s.Resource).toBe(KMS_KEY_ARN);
        expect(s.Condition?.StringLike?.['kms:ViaService']).toMatch(
          /^(sso|identitystore)\.\*\.amazonaws\.com$/,
        );
      }
      const actions = kms.flatMap((s) => [s.Action].flat()).sort();
      expect(actions).toEqual(
        job === 'apply'
          ? ['kms:Decrypt', 'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKeyWithoutPlaintext']
          : ['kms:Decrypt', 'kms:Decrypt'],
      );
    }
    expect(JSON.stringify(minimal.json)).not.toContain('kms:');
  });

  it("inline policies fit IAM's 10,240-character limit per role", () => {
    for (const job of JOBS) {
      const role = roleNamed(full.json, PIPELINE_ROLES[job]);
      const size = (role.Policies as { PolicyDocument: unknown }[])
        .map((p) => JSON.stringify(p.PolicyDocument).length)
        .reduce((a, b) => a + b, 0);
      expect(size).toBeLessThan(10_240);
    }
  });
});

describe('outputs', () => {
  it('name the repository variable each one fills', () => {
    const outputs = minimal.json.Outputs;
    expect(Object.keys(outputs).sort()).toEqual([
      'OrgopsApplyRoleArn',
      'OrgopsAwsRegion',
      'OrgopsDriftRoleArn',
      'OrgopsPlanRoleArn',
    ]);
    expect(outputs.OrgopsAwsRegion).toEqual({
      Value: 'eu-west-1',
      Description: 'Repository variable ORGOPS_AWS_REGION',
    });
    for (const [output, job, variable] of [
      ['OrgopsPlanRoleArn', 'Plan', 'ORGOPS_PLAN_ROLE_ARN'],
      ['OrgopsDriftRoleArn', 'Drift', 'ORGOPS_DRIFT_ROLE_ARN'],
      ['OrgopsApplyRoleArn', 'Apply', 'ORGOPS_APPLY_ROLE_ARN'],
    ] as const) {
      const roleId = Object.keys(minimal.json.Resources).find((k) => k.startsWith(`${job}Role`));
      expect(outputs[output]).toEqual({
        Value: { 'Fn::GetAtt': [roleId, 'Arn'] },
        Description: `Repository variable ${variable}`,
      });
    }
  });
});

describe('stack', () => {
  it('deploys only to the management account, in the Identity Center region, with termination protection', () => {
    expect(minimal.stack.account).toBe(ACCOUNT);
    expect(minimal.stack.region).toBe('eu-west-1');
    expect(minimal.stack.terminationProtection).toBe(true);
    expect(minimal.stack.stackName).toBe('OrgopsBootstrap');
  });

  it('uses the partition of the region in the ARNs it builds', () => {
    const gov = synthesize({ ...MINIMAL, region: 'us-gov-west-1' });
    const apply = roleNamed(gov.json, PIPELINE_ROLES.apply);
    const resources = statementsOf(apply).flatMap((s) => [s.Resource].flat());
    expect(resources).toContain(`arn:aws-us-gov:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/*`);
  });

  it('follows a GitHub Enterprise Server issuer in the provider and the condition keys', () => {
    const ghes = synthesize({ ...MINIMAL, oidcIssuer: 'https://github.example.com/_services/token' });
    ghes.template.hasResourceProperties('AWS::IAM::OIDCProvider', {
      Url: 'https://github.example.com/_services/token',
    });
    const trust = JSON.stringify(roleNamed(ghes.json, PIPELINE_ROLES.plan).AssumeRolePolicyDocument);
    expect(trust).toContain('"github.example.com/_services/token:sub":"repo:acme/org-config:pull_request"');
    expect(trust).toContain('"github.example.com/_services/token:aud":"sts.amazonaws.com"');
  });
});
