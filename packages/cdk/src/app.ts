import type { Diagnostic } from '@orgops/model';
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BOOTSTRAP_STACK_NAME, OrgopsBootstrapStack } from './bootstrap-stack.ts';
import { contextThenEnv, readBootstrapConfig } from './config.ts';

export type BootstrapApp =
  | { readonly ok: true; readonly app: App; readonly stack: OrgopsBootstrapStack }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

/**
 * Adds the bootstrap stack to `app`, configured from the app's context with `env` as the
 * fallback, and the AWS Solutions checks of cdk-nag, whose findings fail the synth. Returns the
 * configuration errors instead when there are any.
 */
export function addBootstrapStack(
  app: App,
  env: Readonly<Record<string, string | undefined>> = process.env,
): BootstrapApp {
  const config = readBootstrapConfig(contextThenEnv((key) => app.node.tryGetContext(key), env));
  if (!config.ok) return { ok: false, errors: config.errors };
  const stack = new OrgopsBootstrapStack(app, BOOTSTRAP_STACK_NAME, { config: config.value });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { ok: true, app, stack };
}
