import { Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { build, FULL, MINIMAL, synthesize } from './synth.ts';

interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
}

/** Acknowledgements as CDK records them: metadata `{ "Annotation::<rule id>": reason }`. */
function acknowledgements(scope: IConstruct): { path: string; ack: Acknowledgement }[] {
  return scope.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .map(([id, reason]) => ({ path: c.node.path, ack: { id: id.replace(/^Annotation::/, ''), reason } })),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it.each([
    ['the minimal configuration', MINIMAL],
    ['every option set', FULL],
    ['GovCloud', { ...MINIMAL, region: 'us-gov-west-1' }],
  ])('finds nothing unacknowledged with %s', (_name, context) => {
    const report = new AwsSolutionsChecks().validateScope(synthesize(context).stack);
    expect(report.violations).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('every acknowledgement names the exact finding and says why', () => {
    const acks = acknowledgements(synthesize(FULL).stack);
    expect(acks.length).toBeGreaterThan(0);
    for (const { path, ack } of acks) {
      // A bare rule id would hide every future finding of the rule on that resource.
      expect(ack.id, path).toMatch(/^AwsSolutions-IAM5\[Resource::[^\]]+\]$/);
      expect(ack.reason.length, path).toBeGreaterThan(100);
    }
    expect(acks.map((a) => a.ack.id).filter((id) => id.includes('Action::'))).toEqual([]);
  });

  it('still reports a wildcard the acknowledgements do not cover', () => {
    const built = build(MINIMAL);
    if (!built.ok) throw new Error('rejected');
    built.stack.roles.plan.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:*'], resources: ['arn:aws:s3:::*'] }),
    );
    const report = new AwsSolutionsChecks().validateScope(built.stack);
    const text = JSON.stringify(report.violations);
    expect(text).toContain('AwsSolutions-IAM5');
    expect(text).toContain('Action::s3:*');
    expect(text).toContain('Resource::arn:aws:s3:::*');
  });

  it('runs in every synth of the app and fails it on a finding', () => {
    const built = build(MINIMAL);
    if (!built.ok) throw new Error('rejected');
    built.stack.roles.apply.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['iam:*'], resources: ['*'] }),
    );
    expect(() => built.app.synth()).toThrow(/AwsSolutions-IAM5/);
  });
});
