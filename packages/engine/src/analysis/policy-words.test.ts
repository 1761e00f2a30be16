import { canonicalJson } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { summarizeContentChange, summarizePolicy } from './policy-facts.ts';
import { statementSentence, statementWords } from './policy-words.ts';
import { statementChanges, statementEdit, weakensDeny } from './statement-changes.ts';
import { actionMatches, arnLike } from './wildcards.ts';

const SCP = 'SERVICE_CONTROL_POLICY';
const RCP = 'RESOURCE_CONTROL_POLICY';
const doc = (...statements: unknown[]) => canonicalJson({ Version: '2012-10-17', Statement: statements });
const BREAK_GLASS = 'arn:aws:iam::*:role/break-glass';
const SSO_ALL = 'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_*';

const regionAllowList = (regions: string[], exempt: string[]) => ({
  Sid: 'DenyOtherRegions',
  Effect: 'Deny',
  NotAction: ['iam:*', 'organizations:*', 'sts:*', 'support:*'],
  Resource: '*',
  Condition: {
    StringNotEquals: { 'aws:RequestedRegion': regions },
    ArnNotLike: { 'aws:PrincipalArn': exempt },
  },
});
const protectTrail = (exempt: string[]) => ({
  Sid: 'ProtectTrail',
  Effect: 'Deny',
  Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'],
  Resource: '*',
  Condition: { ArnNotLike: { 'aws:PrincipalArn': exempt } },
});

describe('statementWords', () => {
  it('names who a Deny exempts and which Regions it leaves allowed', () => {
    const w = statementWords(regionAllowList(['us-east-1', 'eu-west-1'], [BREAK_GLASS]) as never);
    expect(w.exempt).toEqual([BREAK_GLASS]);
    expect(w.allowedRegions).toEqual(['eu-west-1', 'us-east-1']);
    expect(w.conditions).toEqual([]);
    expect(statementSentence(w)).toBe(
      'Deny everything except iam:*, organizations:*, sts:* +1 more outside Regions eu-west-1, us-east-1 (exempt: arn:aws:iam::*:role/break-glass)',
    );
  });

  it('reads the data perimeter, the root user and transport conditions in words', () => {
    const cases: readonly (readonly [statement: Parameters<typeof statementWords>[0], sentence: string])[] = [
      [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: ['s3:*', 'sts:*'],
          Resource: '*',
          Condition: {
            StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc' },
            BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
          },
        } as never,
        'Deny s3:*, sts:* (exempt: organization o-abc, AWS services)',
      ],
      [
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } },
        },
        'Deny * for arn:aws:iam::*:root',
      ],
      [
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: {
            Bool: { 'aws:SecureTransport': 'false', 'aws:PrincipalIsAWSService': 'false' },
            StringNotEquals: { 'aws:PrincipalAccount': ['111111111111'] },
          },
        },
        'Deny * when over plain HTTP (exempt: AWS services, account 111111111111)',
      ],
    ];
    for (const [statement, sentence] of cases) {
      expect(statementSentence(statementWords(statement))).toBe(sentence);
    }
  });

  it('keeps unknown operators and keys as they are, with their values', () => {
    const w = statementWords({
      Effect: 'Allow',
      Action: 'ec2:RunInstances',
      Resource: 'arn:aws:ec2:*:*:instance/*',
      Condition: {
        'ForAnyValue:StringLike': { 'aws:TagKeys': ['a', 'b'] },
        Null: { 'aws:RequestTag/x': 'true' },
      },
    });
    expect(statementSentence(w)).toBe(
      'Allow ec2:RunInstances on arn:aws:ec2:*:*:instance/* when any of aws:TagKeys matches one of a, b and aws:RequestTag/x is absent',
    );
  });
});

describe('summarizePolicy', () => {
  it('groups statements that share exemptions and names the exempt principals', () => {
    expect(
      summarizePolicy(
        SCP,
        'protect',
        doc(protectTrail([BREAK_GLASS]), {
          ...protectTrail([BREAK_GLASS]),
          Sid: 'B',
          Action: 'guardduty:DeleteDetector',
        }),
      ),
    ).toBe(
      'SCP, 2 statements: Deny cloudtrail:StopLogging, cloudtrail:DeleteTrail; guardduty:DeleteDetector (exempt: arn:aws:iam::*:role/break-glass)',
    );
    expect(
      summarizePolicy(
        RCP,
        'tls',
        doc({
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': false } },
        }),
      ),
    ).toBe('RCP, 1 statement: Deny s3:* when over plain HTTP');
  });
});

describe('summarizeContentChange', () => {
  it('names an exemption added to a statement, so before and after never read the same', () => {
    const before = doc(protectTrail([BREAK_GLASS]));
    const after = doc(protectTrail([BREAK_GLASS, SSO_ALL]));
    expect(summarizeContentChange(before, after)).toBe(`ProtectTrail: exempt + ${SSO_ALL}`);
    expect(summarizePolicy(SCP, 'p', before)).not.toBe(summarizePolicy(SCP, 'p', after));
  });

  it('names Regions and actions taken off a statement, and statements added and removed', () => {
    expect(
      summarizeContentChange(
        doc(regionAllowList(['eu-west-1'], [BREAK_GLASS])),
        doc(regionAllowList(['eu-west-1', 'ap-south-1'], [BREAK_GLASS])),
      ),
    ).toBe('DenyOtherRegions: Regions + ap-south-1');
    expect(
      summarizeContentChange(
        doc(protectTrail([BREAK_GLASS]), { Effect: 'Deny', Action: 's3:*', Resource: '*' }),
        doc(
          { ...protectTrail([BREAK_GLASS]), Action: 'cloudtrail:StopLogging' },
          { Effect: 'Deny', Action: 'ec2:*', Resource: '*' },
        ),
      ),
    ).toBe(
      'ProtectTrail: actions - cloudtrail:DeleteTrail, +1 statement (Deny ec2:*), -1 statement (Deny s3:*)',
    );
  });
});

describe('statement edits', () => {
  const edit = (before: object, after: object) => {
    const [pair] = statementChanges([before as never], [after as never]).changed;
    return { pair: pair!, edit: statementEdit(pair!) };
  };
  it('pairs by Sid, then by effect and actions', () => {
    expect(
      statementChanges([protectTrail([])] as never, [{ ...protectTrail([]), Sid: 'Other' }] as never).changed,
    ).toHaveLength(1);
    const noSid = { Effect: 'Deny', Action: 's3:*', Resource: '*' };
    expect(
      statementChanges([noSid] as never, [{ ...noSid, Resource: 'arn:aws:s3:::x' }] as never).changed,
    ).toHaveLength(1);
    expect(statementChanges([noSid] as never, [{ ...noSid, Action: 'ec2:*' }] as never).changed).toHaveLength(
      0,
    );
  });

  it('says which edits let through what a Deny denied', () => {
    const weakens = (before: object, after: object) => {
      const { pair, edit: e } = edit(before, after);
      return weakensDeny(pair, e);
    };
    expect(weakens(protectTrail([BREAK_GLASS]), protectTrail([BREAK_GLASS, SSO_ALL]))).toBe(true);
    expect(weakens(protectTrail([BREAK_GLASS, SSO_ALL]), protectTrail([BREAK_GLASS]))).toBe(false);
    expect(weakens(protectTrail([]), { ...protectTrail([]), Action: 'cloudtrail:StopLogging' })).toBe(true);
    expect(
      weakens(protectTrail([]), { ...protectTrail([]), Action: [...protectTrail([]).Action, 's3:x'] }),
    ).toBe(false);
    expect(weakens(regionAllowList(['eu-west-1'], []), regionAllowList(['eu-west-1', 'us-east-1'], []))).toBe(
      true,
    );
    expect(weakens(regionAllowList(['eu-west-1', 'us-east-1'], []), regionAllowList(['eu-west-1'], []))).toBe(
      false,
    );
  });
});

describe('wildcards', () => {
  it('matches actions in any case and ARNs component by component', () => {
    expect(actionMatches('iam:*', 'iam:PutRolePolicy')).toBe(true);
    expect(actionMatches('IAM:put*', 'iam:PutRolePolicy')).toBe(true);
    expect(actionMatches('iam:Get*', 'iam:PutRolePolicy')).toBe(false);
    expect(arnLike('arn:aws:iam::*:role/*', 'arn:aws:iam::123456789012:role/a/b')).toBe(true);
    expect(
      arnLike(
        'arn:aws:iam::*:role/AWSReservedSSO_*',
        'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_X_1',
      ),
    ).toBe(false);
    expect(
      arnLike(
        SSO_ALL,
        'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_X_1',
      ),
    ).toBe(true);
    // `*` in the account component does not reach into the resource.
    expect(arnLike('arn:aws:iam::*', 'arn:aws:iam::123456789012:role/x')).toBe(false);
  });
});
