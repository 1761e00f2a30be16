import { account, defineOrganization, normalize, organizationRoot } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import {
  anonymous,
  createSimulator,
  describeResult,
  external,
  permissionSet,
  role,
  rootUser,
  service,
} from '../src/index.ts';
import { desired } from './fixture.ts';

const sim = createSimulator(desired);
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const trail = 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/org';

describe('chains', () => {
  it('walks root → OUs → account, with what is attached at each level', () => {
    const chain = sim.chain('app-prod');
    expect(chain.serviceControlPolicies.map((l) => [l.label, l.policies.map((p) => p.name)])).toEqual([
      ['root', ['FullAWSAccess', 'protect-trail']],
      ['/Workloads', ['FullAWSAccess', 'regions']],
      ['/Workloads/Prod', ['FullAWSAccess']],
      ['account app-prod', ['FullAWSAccess']],
    ]);
    expect(chain.resourceControlPolicies.map((l) => l.policies.map((p) => p.name))).toEqual([
      ['perimeter'],
      [],
      [],
      [],
    ]);
    expect(chain.management).toBe(false);
  });

  it('finds accounts by name, email or id, and lists the accounts there are when it cannot', () => {
    expect(sim.chain('vault@example.com').accountId).toBe('222233334444');
    expect(sim.chain('222233334444').account.name).toBe('vault');
    expect(() => sim.chain('nope')).toThrow(
      expect.objectContaining({
        code: 'simulation-account-unknown',
        message: expect.stringContaining('app-prod'),
      }),
    );
    expect(() => sim.chain('vault-prod')).toThrow(
      /no account "vault-prod" in the organization; did you mean vault\?/,
    );
    expect(() => sim.chain('app-prd')).toThrow(/did you mean app-prod\?/);
  });

  it('names the first accounts of a large organization, not all of them, when it cannot find one', () => {
    const root = organizationRoot();
    const accounts = Array.from({ length: 1000 }, (_, i) =>
      account({ name: `acct-${i}`, email: `acct-${i}@example.com`, parent: root }),
    );
    const big = createSimulator(
      normalize(
        defineOrganization({
          policyTypes: ['SERVICE_CONTROL_POLICY'],
          root,
          organizationalUnits: [],
          accounts,
        }),
      ),
    );
    expect(() => big.chain('nope')).toThrow(
      'no account "nope" in the organization; name one of its 1000 accounts, e.g. acct-0, acct-1, acct-2, acct-3, acct-4, acct-5, acct-6, acct-7, acct-8, acct-9 (by name, email or id).',
    );
  });

  it('flags the management account, whose chain binds nothing', () => {
    expect(sim.chain('management').management).toBe(true);
  });
});

describe('decisions and what decided them', () => {
  it('names the SCP, Sid and level of a Deny', async () => {
    const r = await sim.simulate({
      principal: permissionSet('Admin', 'app-prod'),
      action: 'cloudtrail:StopLogging',
      resource: trail,
      region: 'eu-west-1',
    });
    expect(r.decision).toBe('ExplicitlyDenied');
    expect(r.decidedBy).toContainEqual(
      expect.objectContaining({
        policyType: 'scp',
        policy: 'protect-trail',
        sid: 'ProtectTrail',
        level: 'root',
      }),
    );
    expect(describeResult(r)).toBe('ExplicitlyDenied: SCP protect-trail/ProtectTrail at root');
  });

  it('fills in aws:PrincipalArn, so an exempt role passes', async () => {
    const r = await sim.simulate({
      principal: role('break-glass', 'app-prod', { managedPolicies: [ADMIN] }),
      action: 'cloudtrail:StopLogging',
      resource: trail,
      region: 'eu-west-1',
    });
    expect(describeResult(r)).toBe(`Allowed by identity policy ${ADMIN}#1`);
  });

  it('fills in aws:RequestedRegion from the request, defaulting to us-east-1', async () => {
    const run = (region?: string) =>
      sim.simulate({
        principal: permissionSet('Admin', 'app-prod'),
        action: 'ec2:DescribeInstances',
        ...(region ? { region } : {}),
      });
    expect((await run('ap-south-1')).decision).toBe('ExplicitlyDenied');
    expect((await run()).decision).toBe('Allowed');
    expect((await run()).context['aws:RequestedRegion']).toBe('us-east-1');
  });

  it('binds nobody in the management account', async () => {
    const r = await sim.simulate({
      principal: permissionSet('Admin', 'management'),
      action: 'cloudtrail:StopLogging',
      resource: trail,
    });
    expect(r.decision).toBe('Allowed');
  });

  it('denies implicitly where a level of the chain has no Allow, and names the level', async () => {
    const r = await sim.simulate({
      principal: permissionSet('Admin', 'vault'),
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:us-east-1:222233334444:instance/i-1',
    });
    expect(r.decision).toBe('ImplicitlyDenied');
    expect(r.decidedBy).toContainEqual({ policyType: 'scp', level: '/Storage', implicit: true });
    expect(describeResult(r)).toContain('no SCP allows it at /Storage');
    const s3 = await sim.simulate({
      principal: permissionSet('Admin', 'vault'),
      action: 's3:ListAllMyBuckets',
    });
    expect(s3.decision).toBe('Allowed');
  });

  it('evaluates AWS managed policy documents and inline Denies of a permission set', async () => {
    const read = await sim.simulate({
      principal: permissionSet('Viewer', 'app-prod'),
      action: 'ec2:DescribeInstances',
    });
    expect(read.decision).toBe('Allowed');
    const write = await sim.simulate({
      principal: permissionSet('Viewer', 'app-prod'),
      action: 'ec2:TerminateInstances',
      resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1',
    });
    expect(write.decision).toBe('ImplicitlyDenied');
    const secret = await sim.simulate({
      principal: permissionSet('Viewer', 'app-prod'),
      action: 'secretsmanager:ListSecrets',
    });
    expect(describeResult(secret)).toBe('ExplicitlyDenied: identity policy inline/NoSecrets');
  });

  it('applies the RCPs of the resource’s account to callers from outside', async () => {
    const bucketPolicy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::vault-data/*' },
      ],
    };
    const request = {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::vault-data/report.csv',
      resourceAccount: 'vault',
      resourcePolicy: bucketPolicy,
    } as const;
    const outsider = await sim.simulate({
      ...request,
      principal: external('arn:aws:iam::999988887777:role/partner'),
    });
    expect(describeResult(outsider)).toBe('ExplicitlyDenied: RCP perimeter/OrgOnly at root');
    const insider = await sim.simulate({ ...request, principal: permissionSet('Admin', 'app-prod') });
    expect(insider.decision).toBe('Allowed');
    const nobody = await sim.simulate({ ...request, principal: anonymous });
    expect(nobody.decision).toBe('ExplicitlyDenied');
  });

  it('does not bind AWS service principals with SCPs', async () => {
    const bucketPolicy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: 'arn:aws:s3:::trail-logs/*',
        },
      ],
    };
    const r = await sim.simulate({
      principal: service('cloudtrail.amazonaws.com'),
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::trail-logs/AWSLogs/1.json.gz',
      resourceAccount: 'app-prod',
      region: 'ap-south-1',
      resourcePolicy: bucketPolicy,
    });
    expect(r.decision).toBe('Allowed');
  });

  it('binds the root user of a member account by SCPs and not by identity policies', async () => {
    const r = await sim.simulate({
      principal: rootUser('app-prod'),
      action: 'cloudtrail:StopLogging',
      resource: trail,
    });
    expect(r.decision).toBe('ExplicitlyDenied');
    expect(r.context['aws:PrincipalArn']).toMatch(/^arn:aws:iam::\d{12}:root$/);
  });

  it('lets a request drop a key AWS would fill in, and add its own', async () => {
    const r = await sim.simulate({
      principal: permissionSet('Admin', 'app-prod'),
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      omitContext: ['aws:ResourceOrgID'],
      context: { 'aws:SecureTransport': 'false' },
    });
    expect(r.context['aws:ResourceOrgID']).toBeUndefined();
    expect(r.context['aws:SecureTransport']).toBe('false');
  });
});

describe('refusals', () => {
  it('refuses a permission set that is not assigned in the account, unless asked', async () => {
    const request = { action: 'ec2:DescribeInstances' } as const;
    await expect(
      sim.simulate({ ...request, principal: permissionSet('Viewer', 'vault') }),
    ).rejects.toMatchObject({
      code: 'simulation-principal-unassigned',
    });
    const r = await sim.simulate({
      ...request,
      principal: permissionSet('Viewer', 'vault', { requireAssignment: false }),
    });
    expect(r.decision).toBe('ImplicitlyDenied');
  });

  it('refuses a customer managed policy it has no document for, and uses one it is given', async () => {
    const request = {
      principal: permissionSet('Custom', 'app-prod'),
      action: 'ec2:DescribeInstances',
    } as const;
    await expect(sim.simulate(request)).rejects.toMatchObject({
      code: 'simulation-policy-unknown',
      message: expect.stringContaining('/team-policy'),
    });
    const given = createSimulator(desired, {
      customerManagedPolicy: (ref) =>
        ref.name === 'team-policy'
          ? {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }],
            }
          : undefined,
    });
    expect((await given.simulate(request)).decision).toBe('Allowed');
  });

  it('refuses an unknown permission set, an external principal inside the org, and a request with no resource account', async () => {
    await expect(
      sim.simulate({ principal: permissionSet('Nope', 'app-prod'), action: 's3:ListAllMyBuckets' }),
    ).rejects.toMatchObject({ code: 'simulation-principal-unknown' });
    await expect(
      sim.simulate({
        principal: external('arn:aws:iam::222233334444:role/x'),
        action: 's3:ListAllMyBuckets',
      }),
    ).rejects.toMatchObject({ code: 'simulation-principal-unknown' });
    await expect(
      sim.simulate({ principal: service('sns.amazonaws.com'), action: 'sqs:SendMessage' }),
    ).rejects.toMatchObject({
      code: 'simulation-request-invalid',
    });
  });

  it('refuses a bare * for an action that acts on a resource type, instead of a decision no policy made', async () => {
    await expect(
      sim.simulate({
        principal: permissionSet('Admin', 'app-prod'),
        action: 'ec2:RunInstances',
        resource: '*',
      }),
    ).rejects.toMatchObject({
      code: 'simulation-request-invalid',
      message: expect.stringContaining('resource ARN'),
    });
    await expect(
      sim.simulate({
        principal: permissionSet('Admin', 'app-prod'),
        action: 'cloudtrail:StopLoging',
        resource: trail,
      }),
    ).rejects.toMatchObject({
      code: 'simulation-request-invalid',
      message: expect.stringContaining('catalogue'),
    });
  });

  it('reports an invalid policy as a coded error rather than a decision', async () => {
    await expect(
      sim.simulate({
        principal: role('x', 'app-prod', {
          inlinePolicies: [{ name: 'bad', document: { Statement: [{ Effect: 'Maybe' }] } }],
        }),
        action: 's3:ListAllMyBuckets',
      }),
    ).rejects.toMatchObject({ code: 'simulation-invalid' });
  });
});

describe('resources a request does not name', () => {
  it('uses an example ARN of the action’s resource type in the resource account and Region', async () => {
    const r = await sim.simulate({
      principal: permissionSet('Admin', 'vault'),
      action: 'cloudtrail:StopLogging',
      region: 'eu-west-1',
    });
    expect(r.resource).toBe('arn:aws:cloudtrail:eu-west-1:222233334444:trail/example');
    expect(r.decision).toBe('ExplicitlyDenied');
    const list = await sim.simulate({
      principal: permissionSet('Admin', 'vault'),
      action: 's3:ListAllMyBuckets',
    });
    expect(list.resource).toBe('*');
  });

  it('takes the plainest resource type when the action requires none (an object, not an access point’s)', async () => {
    const r = await sim.simulate({ principal: permissionSet('Admin', 'vault'), action: 's3:GetObject' });
    expect(r.resource).toBe('arn:aws:s3:::example/example');
  });
});
