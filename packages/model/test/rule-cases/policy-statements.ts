import { permissionSet, policy, resourceControlPolicy, serviceControlPolicy } from '../../src/index.ts';
import { addingTo } from '../../src/testing/index.ts';
import { baseline } from '../fixture.ts';
import type { RuleCase } from './case.ts';

/** Statements are written loosely on purpose: these are the mistakes the typed builders cannot catch in JavaScript. */
type Loose = Record<string, unknown>;

const scpWith = (name: string, ...statements: Loose[]) =>
  serviceControlPolicy({ name, content: { Version: '2012-10-17', Statement: statements as never } });
const rcpWith = (name: string, ...statements: Loose[]) =>
  resourceControlPolicy({ name, content: { Version: '2012-10-17', Statement: statements as never } });
const policies = addingTo(baseline, 'policies');
const listed = policies.config;
const listedCase = policies.variant;

const inlinePs = (inlinePolicy: Loose) =>
  permissionSet({ name: 'Inline', inlinePolicy: inlinePolicy as never });
const permissionSets = addingTo(baseline, 'permissionSets');
const withPs = permissionSets.config;
const psCase = permissionSets.variant;
const identityDoc = (...statements: Loose[]) => ({ Version: '2012-10-17', Statement: statements });

const deny = { Effect: 'Deny', Action: 'kms:*', Resource: '*' };
const rcpDeny = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' };

export const policyStatementCases: RuleCase[] = [
  {
    code: 'policy-statement-element',
    name: 'SCP statement with Actions instead of Action (issue 12)',
    compliant: () => listed(scpWith('deny-kms', deny)),
    nonCompliant: () => listedCase(scpWith('deny-kms', { Effect: 'Deny', Actions: 'kms:*', Resource: '*' })),
    path: 'policies[deny-kms].content.Statement[0].Actions',
    fix: 'Rename "Actions" to "Action"',
    message:
      /^SCP "deny-kms" Statement\[0\] has "Actions", which is not an element of SCP statements; did you mean Action\?$/,
    value: 'kms:*',
  },
  {
    code: 'policy-statement-element',
    name: 'RCP statement with a lowercase resource key',
    compliant: () => listed(rcpWith('deny-s3', rcpDeny)),
    nonCompliant: () =>
      listedCase(rcpWith('deny-s3', { Effect: 'Deny', Principal: '*', Action: 's3:*', resource: '*' })),
    path: 'policies[deny-s3].content.Statement[0].resource',
    fix: 'Rename "resource" to "Resource"',
  },
  {
    code: 'policy-statement-element',
    name: 'permission set inline policy with a Principal',
    compliant: () =>
      withPs(inlinePs(identityDoc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }))),
    nonCompliant: () =>
      psCase(
        inlinePs(
          identityDoc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*' }),
        ),
      ),
    path: 'permissionSets[Inline].inlinePolicy.Statement[0].Principal',
    fix: 'Remove Principal',
    message:
      /^Permission set "Inline" inline policy Statement\[0\] uses Principal, which identity policies do not take/,
  },
  {
    code: 'policy-statement-action',
    name: 'statement with both Action and NotAction',
    compliant: () => listed(scpWith('region-lock', { Effect: 'Deny', NotAction: ['iam:*'], Resource: '*' })),
    nonCompliant: () =>
      listedCase(
        scpWith('region-lock', { Effect: 'Deny', Action: 'ec2:*', NotAction: ['iam:*'], Resource: '*' }),
      ),
    path: 'policies[region-lock].content.Statement[0].NotAction',
    fix: 'Keep Action',
    message: /has both Action and NotAction/,
  },
  {
    code: 'policy-statement-action',
    name: 'empty NotAction list (would read "everything except nothing")',
    compliant: () => listed(scpWith('deny-most', { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' })),
    nonCompliant: () => listedCase(scpWith('deny-most', { Effect: 'Deny', NotAction: [], Resource: '*' })),
    path: 'policies[deny-most].content.Statement[0].NotAction',
    fix: 'List at least one value',
    message: /has an empty NotAction list; AWS rejects a statement without actions/,
    value: [],
  },
  {
    code: 'policy-statement-action',
    name: 'action without its service prefix',
    compliant: () =>
      listed(scpWith('deny-leave', { ...deny, Action: ['organizations:LeaveOrganization', 's3:*Object*'] })),
    nonCompliant: () =>
      listedCase(
        scpWith('deny-leave', { ...deny, Action: ['organizations:LeaveOrganization', 'LeaveOrganization'] }),
      ),
    path: 'policies[deny-leave].content.Statement[0].Action',
    fix: '"service:ActionName"',
    value: 'LeaveOrganization',
  },
  {
    code: 'policy-statement-action',
    name: 'inline policy statement with no Action at all',
    compliant: () =>
      withPs(inlinePs(identityDoc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }))),
    nonCompliant: () => psCase(inlinePs(identityDoc({ Sid: 'Read', Effect: 'Allow', Resource: '*' }))),
    path: 'permissionSets[Inline].inlinePolicy.Statement[0]',
    fix: "Add Action: ['s3:GetObject']",
    message: /Statement\[0\] \(Sid Read\) has no Action or NotAction/,
  },
  {
    code: 'policy-statement-resource',
    name: 'SCP statement without Resource',
    compliant: () => listed(scpWith('deny-kms', deny)),
    nonCompliant: () => listedCase(scpWith('deny-kms', { Effect: 'Deny', Action: 'kms:*' })),
    path: 'policies[deny-kms].content.Statement[0]',
    fix: "Add Resource: '*'",
    message: /has no Resource or NotResource/,
  },
  {
    code: 'policy-statement-resource',
    name: 'bucket name instead of an ARN',
    compliant: () =>
      withPs(
        inlinePs(identityDoc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*' })),
      ),
    nonCompliant: () =>
      psCase(inlinePs(identityDoc({ Effect: 'Allow', Action: 's3:GetObject', Resource: ['logs/*'] }))),
    path: 'permissionSets[Inline].inlinePolicy.Statement[0].Resource',
    fix: 'an ARN (arn:partition:service:region:account:resource)',
    value: 'logs/*',
  },
  {
    code: 'policy-statement-sid',
    name: 'Sid with spaces and a hyphen',
    compliant: () => listed(scpWith('deny-kms', { Sid: 'DenyKms2', ...deny })),
    nonCompliant: () => listedCase(scpWith('deny-kms', { Sid: 'deny kms-keys', ...deny })),
    path: 'policies[deny-kms].content.Statement[0].Sid',
    fix: 'Rename the Sid to "denyKmsKeys"',
    value: 'deny kms-keys',
  },
  {
    code: 'policy-statement-sid',
    name: 'the same Sid twice in one policy',
    compliant: () =>
      listed(scpWith('deny-two', { Sid: 'DenyKms', ...deny }, { Sid: 'DenyEc2', ...deny, Action: 'ec2:*' })),
    nonCompliant: () =>
      listedCase(
        scpWith('deny-two', { Sid: 'DenyKms', ...deny }, { Sid: 'DenyKms', ...deny, Action: 'ec2:*' }),
      ),
    path: 'policies[deny-two].content.Statement[1].Sid',
    fix: 'Rename one of them',
    message: /Statement\[1\] repeats Sid "DenyKms" of Statement\[0\]/,
  },
  {
    code: 'policy-statement-condition',
    name: 'misspelt condition operator',
    compliant: () =>
      listed(
        scpWith('regions', {
          ...deny,
          Condition: { StringNotEqualsIfExists: { 'aws:RequestedRegion': ['eu-west-1'] } },
        }),
      ),
    nonCompliant: () =>
      listedCase(
        scpWith('regions', {
          ...deny,
          Condition: { StringNotEqualIfExists: { 'aws:RequestedRegion': ['eu-west-1'] } },
        }),
      ),
    path: 'policies[regions].content.Statement[0].Condition.StringNotEqualIfExists',
    fix: 'Rename the operator to "StringNotEqualsIfExists"',
    message: /did you mean StringNotEqualsIfExists\?/,
  },
  {
    code: 'policy-statement-condition',
    name: 'Null with IfExists',
    compliant: () =>
      listed(
        scpWith('tags', {
          ...deny,
          Condition: {
            'ForAnyValue:StringLike': { 'aws:TagKeys': ['team*'] },
            Null: { 'aws:RequestTag/team': 'true' },
          },
        }),
      ),
    nonCompliant: () =>
      listedCase(
        scpWith('tags', { ...deny, Condition: { NullIfExists: { 'aws:RequestTag/team': 'true' } } }),
      ),
    path: 'policies[tags].content.Statement[0].Condition.NullIfExists',
    fix: 'Rename the operator to "Null"',
  },
  {
    code: 'policy-statement-condition',
    name: 'condition key without a service prefix',
    compliant: () =>
      listed(rcpWith('tls', { ...rcpDeny, Condition: { Bool: { 'aws:SecureTransport': 'false' } } })),
    nonCompliant: () =>
      listedCase(rcpWith('tls', { ...rcpDeny, Condition: { Bool: { SecureTransport: 'false' } } })),
    path: 'policies[tls].content.Statement[0].Condition.Bool.SecureTransport',
    fix: '"aws:SecureTransport"',
  },
  {
    code: 'policy-condition-value',
    name: 'Bool condition that can never match',
    compliant: () =>
      listed(rcpWith('tls', { ...rcpDeny, Condition: { Bool: { 'aws:SecureTransport': false } } })),
    nonCompliant: () =>
      listedCase(rcpWith('tls', { ...rcpDeny, Condition: { Bool: { 'aws:SecureTransport': 'flase' } } })),
    path: 'policies[tls].content.Statement[0].Condition.Bool["aws:SecureTransport"]',
    fix: 'true or false',
    message: /the condition can never match/,
    value: 'flase',
  },
  {
    code: 'policy-condition-value',
    name: 'numeric condition with a word',
    compliant: () =>
      withPs(
        inlinePs(
          identityDoc({
            Effect: 'Allow',
            Action: 's3:ListBucket',
            Resource: '*',
            Condition: { NumericLessThanEquals: { 's3:max-keys': '10' } },
          }),
        ),
      ),
    nonCompliant: () =>
      psCase(
        inlinePs(
          identityDoc({
            Effect: 'Allow',
            Action: 's3:ListBucket',
            Resource: '*',
            Condition: { NumericLessThanEquals: { 's3:max-keys': 'ten' } },
          }),
        ),
      ),
    path: 'permissionSets[Inline].inlinePolicy.Statement[0].Condition.NumericLessThanEquals["s3:max-keys"]',
    fix: 'a number',
  },
  {
    code: 'rcp-principal',
    name: 'RCP statement without Principal',
    compliant: () => listed(rcpWith('deny-s3', rcpDeny)),
    nonCompliant: () => listedCase(rcpWith('deny-s3', { Effect: 'Deny', Action: 's3:*', Resource: '*' })),
    path: 'policies[deny-s3].content.Statement[0]',
    fix: "Add Principal: '*'",
  },
  {
    code: 'rcp-principal',
    name: 'RCP statement naming an account as Principal',
    compliant: () => listed(rcpWith('deny-s3', rcpDeny)),
    nonCompliant: () => listedCase(rcpWith('deny-s3', { ...rcpDeny, Principal: { AWS: '123456789012' } })),
    path: 'policies[deny-s3].content.Statement[0].Principal',
    fix: "Write Principal: '*'",
    value: { AWS: '123456789012' },
  },
  {
    code: 'rcp-principal',
    name: 'RCP statement with NotPrincipal',
    compliant: () => listed(rcpWith('deny-s3', rcpDeny)),
    nonCompliant: () => listedCase(rcpWith('deny-s3', { ...rcpDeny, NotPrincipal: { AWS: '123456789012' } })),
    path: 'policies[deny-s3].content.Statement[0].NotPrincipal',
    fix: 'ArnNotLike',
  },
  {
    code: 'policy-document',
    name: 'misspelt Statements key',
    compliant: () => listed(scpWith('deny-kms', deny)),
    nonCompliant: () =>
      listedCase(
        policy('SERVICE_CONTROL_POLICY', {
          name: 'deny-kms',
          content: { Version: '2012-10-17', Statements: [deny] },
        }),
      ),
    path: 'policies[deny-kms].content.Statements',
    fix: 'Rename "Statements" to "Statement"',
    message: /did you mean Statement\?$/,
  },
  {
    code: 'policy-document',
    name: 'JSON text with a key written twice',
    compliant: () =>
      listed(
        policy('SERVICE_CONTROL_POLICY', {
          name: 'as-text',
          content: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"kms:*","Resource":"*"}]}',
        }),
      ),
    nonCompliant: () =>
      listedCase(
        policy('SERVICE_CONTROL_POLICY', {
          name: 'as-text',
          content:
            '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"kms:*","Action":"s3:*","Resource":"*"}]}',
        }),
      ),
    path: 'policies[as-text].content.Statement[0].Action',
    fix: 'Merge the two "Action" entries',
    message: /Statement\[0\] has the key "Action" twice/,
  },
  {
    code: 'policy-document',
    name: 'inline policy with an Id and an old Version',
    compliant: () =>
      withPs(
        inlinePs({
          Version: '2008-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        }),
      ),
    nonCompliant: () =>
      psCase(
        inlinePs({
          Version: '2012-10-17',
          Id: 'read',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        }),
      ),
    path: 'permissionSets[Inline].inlinePolicy.Id',
    fix: 'Remove "Id"',
  },
];
