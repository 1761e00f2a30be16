import { validateConfig } from '@orgops/model';
import { afterAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../snapshot.ts';
import { SnapshotBuilder } from '../testing/snapshot-builder.ts';
import { generateConfig } from './generate-config.ts';
import {
  biomeFindings,
  changesOf,
  evaluate,
  removeScratch,
  typeErrors,
  writeGenerated,
} from './round-trip.test-support.ts';

afterAll(removeScratch);

const NOW = new Date('2026-11-23T12:00:00Z');
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });

/**
 * A brownfield organization: nested OUs, tagged accounts, SCPs at every level (FullAWSAccess replaced
 * by an allow-list on Sandbox), an RCP, a tag policy, Control Tower guardrails and permission sets,
 * permission sets with every attribute, group and user assignments, a delegated administrator and
 * a suspended account.
 */
function brownfield(): Snapshot {
  const s = new SnapshotBuilder().enablePolicyType('RESOURCE_CONTROL_POLICY').enablePolicyType('TAG_POLICY');
  const security = s.ou('Security');
  const workloads = s.ou('Workloads', 'r-test', { 'cost-center': '1234', owner: 'platform team' });
  const prod = s.ou('Prod', workloads);
  const payments = s.ou('Payments', prod);
  const dev = s.ou('Dev', workloads);
  const sandbox = s.ou('Sandbox');
  const logArchive = s.account('log-archive', 'aws+log-archive@example.com', security);
  const audit = s.account('Audit', 'aws+audit@example.com', security, {
    tags: { 'data-class': 'restricted' },
  });
  const paymentsProd = s.account('payments-prod', 'aws+payments-prod@example.com', payments, {
    tags: { env: 'prod' },
  });
  const webProd = s.account('web-prod', 'aws+web-prod@example.com', prod, {
    tags: { env: 'prod', app: 'web' },
  });
  const dev1 = s.account('dev-1', 'Aws+Dev-1@Example.com', dev);
  const sandbox1 = s.account('sandbox-1', 'aws+sandbox-1@example.com', sandbox);
  const closed = s.account('old-sandbox', 'aws+old-sandbox@example.com', sandbox, { state: 'SUSPENDED' });

  s.policy(
    'SERVICE_CONTROL_POLICY',
    'deny-leave-organization',
    doc({ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }),
    ['r-test'],
  );
  s.policy(
    'SERVICE_CONTROL_POLICY',
    'deny-outside-eu',
    doc({
      Sid: 'DenyOutsideEU',
      Effect: 'Deny',
      NotAction: ['iam:*', 'organizations:*', 'sts:*', 'support:*'],
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
    }),
    [workloads, sandbox],
  );
  s.policy(
    'SERVICE_CONTROL_POLICY',
    'deny-root-user',
    doc({
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } },
    }),
    [webProd, paymentsProd],
  );
  // Sandbox runs on an allow-list instead of FullAWSAccess.
  const allowList = s.policy(
    'SERVICE_CONTROL_POLICY',
    'sandbox-allow-list',
    doc({ Effect: 'Allow', Action: ['ec2:*', 's3:*', 'lambda:*'], Resource: '*' }),
    [sandbox],
  );
  s.detach('p-FullAWSAccess', sandbox);
  s.policy('SERVICE_CONTROL_POLICY', 'unused-draft', {
    Version: '2012-10-17',
    Id: 'draft',
    Statement: { Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' },
  });
  s.policy(
    'SERVICE_CONTROL_POLICY',
    'aws-guardrails-kjhGTa',
    doc({ Effect: 'Deny', Action: 'cloudtrail:StopLogging', Resource: '*' }),
    [security],
  );
  s.policy(
    'RESOURCE_CONTROL_POLICY',
    'deny-external-s3',
    doc({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: '*',
      Condition: {
        StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-test000001' },
        BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
      },
    }),
    ['r-test'],
  );
  s.policy(
    'TAG_POLICY',
    'cost-center',
    {
      tags: {
        costcenter: { tag_key: { '@@assign': 'CostCenter' }, enforced_for: { '@@assign': ['ec2:instance'] } },
      },
    },
    [workloads, audit],
  );
  void allowList;

  const admin = s.permissionSet('AdministratorAccess', {
    description: 'Full administrator, for the platform team',
    sessionDuration: 'PT8H',
    relayState: 'https://console.aws.amazon.com/console/home?region=eu-west-1#',
    inlinePolicy: JSON.stringify(
      doc({ Sid: 'DenyBilling', Effect: 'Deny', Action: ['aws-portal:*', 'billing:*'], Resource: '*' }),
    ),
    managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
    customerManagedPolicies: [
      { name: 'team-baseline', path: '/' },
      { name: 'audit-hooks', path: '/platform/' },
    ],
    permissionsBoundary: { customerManagedPolicy: { name: 'platform-boundary', path: '/boundaries/' } },
    tags: { owner: 'platform', 'review-by': '2027-01' },
  });
  const readOnly = s.permissionSet('ReadOnly', {
    sessionDuration: 'PT4H',
    managedPolicies: ['arn:aws:iam::aws:policy/ViewOnlyAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
    permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
  });
  s.permissionSet('BreakGlass', {
    description: 'Unassigned until an incident',
    sessionDuration: 'PT1H',
    managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
  });
  const ctAdmin = s.permissionSet('AWSControlTowerAdmin', {
    managedPolicies: ['arn:aws:iam::aws:policy/AWSControlTowerServiceRolePolicy'],
  });
  const catalog = s.permissionSet('AWSServiceCatalogEndUserAccess');

  const all = ['100000000000', logArchive, audit, paymentsProd, webProd, dev1, sandbox1];
  for (const a of all) s.assignment(admin, a, 'g-platform-admins');
  for (const a of [paymentsProd, webProd, dev1, logArchive]) s.assignment(readOnly, a, 'g-developers');
  s.assignment(admin, dev1, 'u-alice', 'USER').assignment(admin, sandbox1, 'u-alice', 'USER');
  s.assignment(readOnly, closed, 'g-developers');
  s.assignment(ctAdmin, logArchive, 'g-platform-admins').assignment(catalog, sandbox1, 'g-developers');
  s.trustedService('guardduty.amazonaws.com').trustedService('controltower.amazonaws.com');

  const snapshot = s.build();
  const rcpFullAccess = {
    id: 'p-RCPFullAWSAccess',
    type: 'RESOURCE_CONTROL_POLICY',
    name: 'RCPFullAWSAccess',
    description: 'Allows access to every operation',
    content:
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
    awsManaged: true,
    tags: {},
    targets: ['r-test', ...snapshot.ous.map((o) => o.id), ...snapshot.accounts.map((a) => a.id)],
  };
  const awsManagedTagPolicy = {
    id: 'p-aws-tag-baseline',
    type: 'TAG_POLICY',
    name: 'AWSTagBaseline',
    description: 'Managed by AWS',
    content: '{"tags":{"owner":{"tag_key":{"@@assign":"Owner"}}}}',
    awsManaged: true,
    tags: {},
    targets: [security],
  };
  return {
    ...snapshot,
    policies: [...snapshot.policies, rcpFullAccess, awsManagedTagPolicy],
    delegatedAdministrators: [{ accountId: audit, servicePrincipal: 'guardduty.amazonaws.com' }],
  };
}

describe('generateConfig on what config cannot express', () => {
  const s = new SnapshotBuilder();
  const security = s.ou('Security');
  const audit = s.account('audit', 'aws+audit@example.com', security);
  const tooling = s.account('tooling', 'aws+tooling@example.com', security);
  const readOnly = s.permissionSet('ReadOnly', { outdatedIn: [audit], provisionedTo: [audit] });
  s.assignment(readOnly, audit, 'g-departed-team').assignment(readOnly, tooling, 'g-developers');
  s.trustedService('securityhub.amazonaws.com');
  const snapshot: Snapshot = {
    ...s.build(),
    delegatedAdministrators: [
      { accountId: audit, servicePrincipal: 'securityhub.amazonaws.com' },
      { accountId: tooling, servicePrincipal: 'securityhub.amazonaws.com' },
      { accountId: tooling, servicePrincipal: 'inspector2.amazonaws.com' },
    ],
  };
  const generated = generateConfig(snapshot, { now: NOW });

  it('says so in notes, ignores what it must, and the plan shows exactly the noted differences', async () => {
    expect(generated.notes).toEqual([
      'Permission set ReadOnly is outdated in 1 account(s) (changed outside orgops); the first plan re-provisions it.',
      'Assignments to group g-departed-team are left out: the snapshot has no name for that principal, so the plan will delete them.',
      `securityhub.amazonaws.com has 2 delegated administrators (${audit}, ${tooling}); config holds one, so the service is listed under ignore.trustedServices.`,
      'inspector2.amazonaws.com has a delegated administrator but no trusted access; left out (orgops only warns about it).',
    ]);
    expect(file(generated.files, 'index.ts')).toContain(
      "ignore: { trustedServices: ['securityhub.amazonaws.com'] },",
    );
    const config = await evaluate(writeGenerated(generated.files));
    expect(changesOf(config, snapshot)).toEqual([
      'provision provision/ReadOnly',
      'delete assignment/GROUP:g-departed-team/ReadOnly/aws+audit@example.com',
    ]);
  });
});

describe('generateConfig on a brownfield organization', () => {
  const snapshot = brownfield();
  const generated = generateConfig(snapshot, { now: NOW });
  const dir = writeGenerated(generated.files);

  it('round-trips: the generated config planned against the same organization changes nothing', async () => {
    const config = await evaluate(dir);
    expect(changesOf(config, snapshot)).toEqual([]);
  });

  it('emits one file per concern, and they typecheck against the model', { timeout: 60_000 }, () => {
    expect(generated.files.map((f) => f.path)).toEqual([
      'index.ts',
      'organization.ts',
      'accounts.ts',
      'policies.ts',
      'identity-center.ts',
      'assignments.ts',
      'services.ts',
    ]);
    expect(typeErrors([dir])).toEqual([]);
    for (const f of generated.files) {
      expect(
        f.content.startsWith(
          '// Generated by orgops import on 2026-11-23 from organization o-test000001: review before committing.\n',
        ),
      ).toBe(true);
    }
  });

  it('is formatted and linted the way the repository formats and lints code', () => {
    expect(biomeFindings(dir)).toBe('');
  });

  it('passes config validation', async () => {
    const result = validateConfig(await evaluate(dir));
    expect(result.ok ? [] : result.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
  });

  it('notices a difference: the harness is not vacuous', async () => {
    const config = await evaluate(dir);
    const withoutAssignments = {
      ...config,
      assignments: config.assignments?.filter((a) => a.permissionSet.name !== 'ReadOnly'),
    };
    expect(changesOf(withoutAssignments, snapshot)).toContain(
      'delete assignment/GROUP:developers/ReadOnly/aws+dev-1@example.com',
    );
  });

  it('puts Control Tower resources under ignore and reports each one', () => {
    const index = file(generated.files, 'index.ts');
    expect(index).toContain(
      "ignore: { policies: ['aws-guardrails-*'], permissionSets: ['AWSControlTower*', 'AWSServiceCatalog*'] },",
    );
    expect(generated.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Control Tower SCP aws-guardrails-kjhGTa'),
        expect.stringContaining('Control Tower permission set AWSControlTowerAdmin'),
        expect.stringContaining('Control Tower permission set AWSServiceCatalogEndUserAccess'),
        expect.stringContaining('Account old-sandbox (200000000013) is SUSPENDED'),
        expect.stringContaining('1 assignment(s) in account 200000000013 are left out'),
      ]),
    );
    for (const f of generated.files) {
      expect(f.content).not.toContain('aws-guardrails-kjhGTa');
      expect(f.content).not.toContain("'AWSControlTowerAdmin'");
      expect(f.content).not.toContain('RCPFullAWSAccess');
      expect(f.content).not.toContain('old-sandbox');
    }
  });

  it('lists FullAWSAccess on every target when one target replaced it', () => {
    const organization = file(generated.files, 'organization.ts');
    expect(file(generated.files, 'index.ts')).not.toContain('defaultPolicies');
    expect(organization).toContain(
      'export const root = organizationRoot({ policies: [FullAWSAccess, denyLeaveOrganization, denyExternalS3] });',
    );
    expect(organization).toContain(
      "organizationalUnit('Sandbox', {\n  parent: root,\n  policies: [denyOutsideEu, sandboxAllowList],\n});",
    );
    expect(organization).toContain(
      "organizationalUnit('Dev', { parent: workloads, policies: [FullAWSAccess] })",
    );
  });

  it('groups assignments into OU subtrees where they cover exactly', () => {
    expect(file(generated.files, 'assignments.ts')).toContain(
      [
        'export const assignments = [',
        '  assign(platformAdmins, administratorAccess, [root]),',
        '  assign(alice, administratorAccess, [sandbox, dev]),',
        '  assign(developers, readOnly, [logArchive, workloads]),',
        '];',
      ].join('\n'),
    );
  });

  it('keeps loosely shaped documents and unattached policies', () => {
    const policies = file(generated.files, 'policies.ts');
    expect(policies).toContain("export const unusedDraft = policy('SERVICE_CONTROL_POLICY', {");
    expect(policies).toContain("export const costCenter = policy('TAG_POLICY', {");
    expect(policies).toContain('export const denyExternalS3 = resourceControlPolicy({');
    expect(policies).toContain('export const awsTagBaseline: OrganizationPolicy = {');
    expect(policies).toContain("awsManaged: { id: 'p-aws-tag-baseline' },");
    expect(file(generated.files, 'index.ts')).toContain('  policies: [unusedDraft],');
  });

  it('keeps the delegated administrator', () => {
    expect(file(generated.files, 'services.ts')).toContain(
      "trustedService('guardduty.amazonaws.com', { delegatedAdministrator: audit }),",
    );
  });
});

function file(files: readonly { path: string; content: string }[], path: string): string {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return found.content;
}
