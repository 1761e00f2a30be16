import { describe, expect, it } from 'vitest';
import { RESOURCE_ORGANIZATION } from '../src/index.ts';
import { deniedBy } from './evaluate.ts';

// The test evaluator must not quietly pass a block it does not understand.
describe('test evaluator', () => {
  const doc = (condition: Record<string, Record<string, string>>) => ({
    Version: '2012-10-17',
    Statement: [{ Sid: 'S', Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: condition }],
  });

  it('throws on an operator it does not implement', () => {
    expect(() =>
      deniedBy(doc({ DateGreaterThan: { 'aws:CurrentTime': '2020-01-01' } }), {
        action: 's3:GetObject',
        principalArn: 'arn:aws:iam::111122223333:role/x',
        context: { 'aws:CurrentTime': '2026-01-01' },
      }),
    ).toThrow(/unsupported condition operator DateGreaterThan/);
  });

  it('treats an unresolvable policy variable as matching nothing', () => {
    const d = doc({ StringEquals: { 'aws:PrincipalOrgID': RESOURCE_ORGANIZATION } });
    const req = { action: 's3:GetObject', principalArn: 'arn:aws:iam::111122223333:role/x' };
    expect(deniedBy(d, { ...req, context: { 'aws:PrincipalOrgID': 'o-1' } })).toEqual([]);
    expect(
      deniedBy(d, { ...req, context: { 'aws:PrincipalOrgID': 'o-1', 'aws:ResourceOrgID': 'o-1' } }),
    ).toEqual(['S']);
  });

  it('matches actions case-insensitively and ignores Allow statements', () => {
    const d = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'A', Effect: 'Allow', Action: '*', Resource: '*' },
        { Sid: 'D', Effect: 'Deny', Action: 'S3:getobject', Resource: '*' },
      ],
    };
    expect(deniedBy(d, { action: 's3:GetObject', principalArn: 'arn:aws:iam::111122223333:role/x' })).toEqual(
      ['D'],
    );
  });
});
