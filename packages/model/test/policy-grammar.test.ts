import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** C0, DEL, C1 and bidirectional overrides. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

import {
  documentPath,
  FullAWSAccess,
  grammarOfPolicyType,
  type PolicyGrammar,
  parseConditionOperator,
  policyGrammarProblems,
  policyRejections,
} from '../src/index.ts';

const rules = (content: unknown, grammar: PolicyGrammar, type = '') =>
  policyGrammarProblems(content, grammar, type).map((p) => `${p.rule} ${p.at.join('/')}`);

describe('IAM grammars', () => {
  it('accepts the full IAM language in SCPs since 2025-09-19 (Allow with NotAction, Condition, ARNs, inner wildcards, NotResource)', () => {
    const scp = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowOutsideIam',
          Effect: 'Allow',
          NotAction: ['iam:*', 'organizations:*'],
          Resource: 'arn:aws:s3:::reports/*',
          Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
        },
        {
          Effect: 'Deny',
          Action: 'ec2:*Instance*',
          NotResource: ['arn:aws:ec2:*:*:instance/i-0123456789abcdef0'],
        },
      ],
    };
    expect(rules(scp, 'service-control')).toEqual([]);
    expect(rules(FullAWSAccess.content, 'service-control')).toEqual([]);
  });

  it('accepts AWS’s own RCPFullAWSAccess shape only through the AWS-managed exemption: a custom RCP may not Allow', () => {
    const rcpFull = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
    };
    expect(rules(rcpFull, 'resource-control')).toEqual(['rcp-deny-only Statement/0/Effect']);
  });

  it('reports each mistake under exactly one rule', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Principal: '*', NotAction: 's3:*', Resource: '*' }],
    };
    expect(rules(doc, 'service-control')).toEqual(['scp-principal Statement/0/Principal']);
    expect(rules(doc, 'resource-control')).toEqual(['rcp-not-action Statement/0/NotAction']);
    expect(rules(doc, 'identity')).toEqual(['policy-statement-element Statement/0/Principal']);
  });

  it('explains a misspelt element once: the missing Action is not reported again', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Actions: 'kms:*', Resource: '*' }] };
    expect(rules(doc, 'service-control')).toEqual(['policy-statement-element Statement/0/Actions']);
  });

  it('finds keys written twice in JSON text, at any depth', () => {
    const text =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"},{"Effect":"Deny","Action":"kms:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false","aws:SecureTransport":"true"}}}]}';
    expect(rules(text, 'service-control')).toEqual([
      'policy-document Statement/1/Condition/Bool/aws:SecureTransport',
    ]);
    expect(
      rules(
        '{"Version":"2012-10-17","Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}',
        'service-control',
      ),
    ).toEqual(['policy-document Version']);
  });

  it('requires Version 2012-10-17 in SCPs and RCPs; identity policies may use 2008-10-17', () => {
    const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
    expect(rules({ Version: '2008-10-17', Statement: [statement] }, 'identity')).toEqual([]);
    expect(rules({ Version: '2008-10-17', Statement: [statement] }, 'service-control')).toEqual([
      'policy-document Version',
    ]);
  });

  it('accepts an Id in SCPs and RCPs (not documented as refused); identity policies must not carry one', () => {
    const doc = {
      Version: '2012-10-17',
      Id: 'draft',
      Statement: { Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' },
    };
    expect(rules(doc, 'service-control')).toEqual([]);
    expect(rules(doc, 'identity')).toEqual(['policy-document Id']);
    expect(policyRejections(doc, 'identity')).toEqual([]);
    expect(rules({ ...doc, Id: 7 }, 'service-control')).toEqual(['policy-document Id']);
  });

  it('refuses in the sandbox only what AWS refuses: a condition that can never match is stored', () => {
    const neverMatches = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Action: 's3:*',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'flase' } },
        },
      ],
    };
    expect(rules(neverMatches, 'service-control')).toEqual([
      'policy-condition-value Statement/0/Condition/Bool/aws:SecureTransport',
    ]);
    expect(policyRejections(neverMatches, 'service-control')).toEqual([]);
    expect(
      policyRejections(
        { ...neverMatches, Statement: [{ Effect: 'Deny', Actions: 's3:*', Resource: '*' }] },
        'service-control',
      ),
    ).toHaveLength(1);
  });

  it('keeps names from the document inert in messages (keys, Sids, operators, values)', () => {
    const bad = '\u001b[2J\u0007\u009b\u202e';
    const doc = {
      Version: '2012-10-17',
      [`Statement${bad}`]: [],
      Statement: [
        {
          Sid: `Deny${bad}`,
          Effect: 'Deny',
          [`Action${bad}`]: 'x',
          Action: `s3:${bad}`,
          Resource: `bucket${bad}`,
          Condition: {
            [`StringEquals${bad}`]: { k: 'v' },
            Bool: { [`aws:${bad}`]: bad, [`nokey${bad}`]: 'true' },
          },
        },
      ],
    };
    const tag = {
      tags: { [`cost${bad}`]: { tag_key: { '@@assign': `x${bad}`, [`@@${bad}`]: 1 } } },
      [`x${bad}`]: {},
    };
    const problems = [
      ...policyGrammarProblems(doc, 'service-control'),
      ...policyGrammarProblems(tag, 'management', 'TAG_POLICY'),
    ];
    expect(problems.length).toBeGreaterThan(8);
    for (const p of problems) expect(`${p.message} ${p.fix} ${documentPath(p.at)}`).not.toMatch(CONTROL);
  });

  it('never throws, whatever the content', () => {
    const grammars: PolicyGrammar[] = ['service-control', 'resource-control', 'identity', 'management'];
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.json(), fc.anything()),
        fc.constantFrom(...grammars),
        (content, grammar) => {
          const problems = policyGrammarProblems(content, grammar, 'TAG_POLICY');
          for (const p of problems) {
            expect(p.message.length).toBeGreaterThan(0);
            expect(p.fix.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('condition operators', () => {
  it.each([
    ['StringEquals', true],
    ['StringNotEqualsIgnoreCaseIfExists', true],
    ['ForAnyValue:StringLike', true],
    ['ForAllValues:ArnNotLikeIfExists', true],
    ['Null', true],
    ['ForAllValues:Null', true],
    ['NullIfExists', false],
    ['StringEqual', false],
    ['stringequals', false],
    ['ForEachValue:StringLike', false],
    ['IfExists', false],
  ])('%s is an operator: %s', (text, ok) => {
    expect(parseConditionOperator(text).ok).toBe(ok);
  });
});

describe('management policies', () => {
  it('picks the grammar from the policy type', () => {
    expect(grammarOfPolicyType('SERVICE_CONTROL_POLICY')).toBe('service-control');
    expect(grammarOfPolicyType('RESOURCE_CONTROL_POLICY')).toBe('resource-control');
    expect(grammarOfPolicyType('BACKUP_POLICY')).toBe('management');
    expect(grammarOfPolicyType('SOME_FUTURE_POLICY')).toBe('management');
  });

  it.each([
    [
      'BACKUP_POLICY',
      {
        plans: {
          Daily: {
            regions: { '@@append': ['eu-west-1'] },
            rules: {
              daily: {
                schedule_expression: { '@@assign': 'cron(0 5 ? * * *)' },
                target_backup_vault_name: { '@@assign': 'Default' },
              },
            },
            selections: {
              tags: {
                all: {
                  iam_role_arn: { '@@assign': 'arn:aws:iam::$account:role/Backup' },
                  tag_key: { '@@assign': 'backup' },
                  tag_value: { '@@assign': ['daily'] },
                },
              },
            },
          },
        },
      },
    ],
    [
      'SECURITYHUB_POLICY',
      {
        securityhub: {
          enable_in_regions: {
            '@@append': ['ALL_SUPPORTED'],
            '@@operators_allowed_for_child_policies': ['@@all'],
          },
          disable_in_regions: { '@@append': [], '@@operators_allowed_for_child_policies': ['@@all'] },
        },
      },
    ],
    [
      'DECLARATIVE_POLICY_EC2',
      { ec2_attributes: { image_block_public_access: { state: { '@@assign': 'block_new_sharing' } } } },
    ],
    ['SOME_FUTURE_POLICY', { future_service: { setting: { '@@assign': 'on' } } }],
  ])('accepts a documented %s', (type, content) => {
    expect(rules(content, 'management', type)).toEqual([]);
  });

  it('knows the top-level key of each documented type', () => {
    expect(rules({ plans: {} }, 'management', 'TAG_POLICY')).toEqual([
      'management-policy-document plans',
      'management-policy-document ',
    ]);
    expect(rules({}, 'management', 'SOME_FUTURE_POLICY')).toEqual(['management-policy-document ']);
  });
});
