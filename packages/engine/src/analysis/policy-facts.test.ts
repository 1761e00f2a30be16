import { canonicalJson, policyGrammarProblems } from '@orgops/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeContentChange, summarizePolicy } from './policy-facts.ts';

const SCP = 'SERVICE_CONTROL_POLICY';
const doc = (...statements: unknown[]) => canonicalJson({ Version: '2012-10-17', Statement: statements });

/** "except" followed by nothing: the list it should name is empty. */
const DANGLING_EXCEPT = /except(\s*$|\s*[;,)]| when)/;

describe('summarizePolicy', () => {
  it('names what a NotAction statement exempts', () => {
    expect(
      summarizePolicy(SCP, 'regions', doc({ Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*' })),
    ).toBe('SCP, 1 statement: Deny everything except iam:*, sts:*');
  });

  it('never reads "everything except" with an empty list (issue 12: a statement with Actions instead of Action)', () => {
    const malformed = summarizePolicy(
      SCP,
      'deny-kms',
      doc({ Effect: 'Deny', Actions: 'kms:*', Resource: '*' }),
    );
    expect(malformed).not.toMatch(DANGLING_EXCEPT);
    expect(malformed).toBe('SCP, 1 statement: Deny (no Action)');
    expect(summarizePolicy(SCP, 'deny-all', doc({ Effect: 'Deny', NotAction: [], Resource: '*' }))).toBe(
      'SCP, 1 statement: Deny every action',
    );
    expect(
      summarizeContentChange(
        doc({ Effect: 'Deny', Action: 's3:*', Resource: '*' }),
        doc({ Effect: 'Deny', Actions: 'kms:*', Resource: '*' }),
      ),
    ).not.toMatch(DANGLING_EXCEPT);
  });

  it('describes every document that passes validation without a dangling "except"', () => {
    const action = fc.constantFrom('*', 'iam:*', 's3:GetObject', 'ec2:Describe*', 'kms:*');
    // Mostly well-formed lists, sometimes empty or holding a malformed name, so both sides of validation occur.
    const list = fc.oneof(
      { weight: 4, arbitrary: action },
      { weight: 4, arbitrary: fc.array(action, { minLength: 1, maxLength: 3 }) },
      { weight: 1, arbitrary: fc.constantFrom([], ['x']) },
    );
    const statement = fc
      .tuple(
        fc.constantFrom('Allow', 'Deny'),
        fc.constantFrom('Action', 'NotAction', 'Actions'),
        list,
        fc.option(fc.constant({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }), { nil: undefined }),
      )
      .map(([Effect, key, value, Condition]) => ({
        Effect,
        [key]: value,
        Resource: '*',
        ...(Condition ? { Condition } : {}),
      }));
    let valid = 0;
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 4 }), (statements) => {
        const content = doc(...statements);
        if (policyGrammarProblems(content, 'service-control').length > 0) return;
        valid += 1;
        expect(summarizePolicy(SCP, 'p', content)).not.toMatch(DANGLING_EXCEPT);
        expect(
          summarizeContentChange(doc({ Effect: 'Deny', Action: 'a:b', Resource: '*' }), content),
        ).not.toMatch(DANGLING_EXCEPT);
      }),
      { numRuns: 500 },
    );
    expect(valid).toBeGreaterThan(20);
  });
});
