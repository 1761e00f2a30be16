/**
 * One synthesized template per configuration, shared by every test in a file: synthesis is the
 * slow part. CloudFormation's own template validation (seconds of WebAssembly) runs in
 * app.test.ts only; the assertion tests build the same stack without it.
 */

import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addBootstrapStack, type BootstrapApp } from '../src/app.ts';
import type { OrgopsBootstrapStack } from '../src/bootstrap-stack.ts';

export * from './fixtures.ts';

export interface Synthesized {
  readonly stack: OrgopsBootstrapStack;
  readonly template: Template;
  readonly json: TemplateJson;
}

export interface TemplateJson {
  readonly Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  readonly Outputs: Record<string, { Value: unknown; Description?: string }>;
}

const cache = new Map<string, Synthesized>();

export function build(context: Record<string, string>): BootstrapApp {
  return addBootstrapStack(new App({ context, builtinCloudFormationValidation: false }), {});
}

export function synthesize(context: Record<string, string>): Synthesized {
  const key = JSON.stringify(context);
  const hit = cache.get(key);
  if (hit) return hit;
  const built = build(context);
  if (!built.ok) throw new Error(`test configuration rejected: ${JSON.stringify(built.errors)}`);
  const template = Template.fromStack(built.stack);
  const result = { stack: built.stack, template, json: template.toJSON() as TemplateJson };
  cache.set(key, result);
  return result;
}

/** The one resource of `type` whose properties include `RoleName: name`, or fail. */
export function roleNamed(json: TemplateJson, name: string): Record<string, unknown> {
  const roles = Object.values(json.Resources).filter(
    (r) => r.Type === 'AWS::IAM::Role' && r.Properties.RoleName === name,
  );
  if (roles.length !== 1) throw new Error(`expected one role ${name}, found ${roles.length}`);
  return roles[0]!.Properties;
}

export interface PolicyStatementJson {
  readonly Sid: string;
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: string | string[];
  readonly Condition?: Record<string, Record<string, string>>;
}

/** The statements of a role's inline policies. */
export function statementsOf(role: Record<string, unknown>): PolicyStatementJson[] {
  const policies = role.Policies as { PolicyDocument: { Statement: PolicyStatementJson[] } }[];
  return policies.flatMap((p) => p.PolicyDocument.Statement);
}

export const asList = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

/** Every action a role is allowed. */
export function actionsOf(role: Record<string, unknown>): string[] {
  return statementsOf(role).flatMap((s) => asList(s.Action));
}
