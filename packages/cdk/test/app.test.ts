/**
 * The app as users run it: synthesized in-process with CloudFormation's template validation and
 * the cdk-nag plugin, through `src/bin.ts`, and through the package's `synth` script (the CDK
 * CLI) with an empty HOME and no AWS credentials in the environment.
 */

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { addBootstrapStack } from '../src/app.ts';
import { ACCOUNT, MINIMAL } from './fixtures.ts';

const run = promisify(execFile);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'orgops-cdk-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** PATH and an empty HOME: no profile, no credentials, no AWS_* variables. */
function bareEnv(extra: Record<string, string> = {}): Record<string, string> {
  const home = mkdtempSync(join(scratch, 'home-'));
  return {
    PATH: `${join(packageDir, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
    HOME: home,
    ...extra,
  };
}

function templateIn(outdir: string): { Resources: Record<string, { Type: string }> } {
  return JSON.parse(readFileSync(join(outdir, 'OrgopsBootstrap.template.json'), 'utf8'));
}

function validationViolations(outdir: string): unknown[] {
  const report = join(outdir, 'validation-report.json');
  if (!existsSync(report)) return [];
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as { pluginReports?: { violations?: unknown[] }[] };
  return (parsed.pluginReports ?? []).flatMap((r) => r.violations ?? []);
}

describe('synthesizing the app', () => {
  it('in-process: a cloud assembly for the management account, passing template validation and cdk-nag', () => {
    const outdir = join(scratch, 'in-process');
    const app = new App({ outdir, context: MINIMAL });
    const built = addBootstrapStack(app, {});
    expect(built.ok).toBe(true);
    const assembly = app.synth();
    const artifact = assembly.getStackByName('OrgopsBootstrap');
    expect(artifact.environment).toMatchObject({ account: ACCOUNT, region: 'eu-west-1' });
    expect(artifact.terminationProtection).toBe(true);
    const types = Object.values(templateIn(outdir).Resources).map((r) => r.Type);
    expect(types.sort()).toEqual([
      'AWS::IAM::OIDCProvider',
      'AWS::IAM::Role',
      'AWS::IAM::Role',
      'AWS::IAM::Role',
    ]);
    expect(validationViolations(outdir)).toEqual([]);
  });

  it('in-process: configuration errors come back as data and add no stack', () => {
    const app = new App();
    const built = addBootstrapStack(app, {});
    expect(built.ok).toBe(false);
    expect(app.node.children).toEqual([]);
  });

  it('src/bin.ts prints every configuration error and exits 1, without a stack trace', async () => {
    const failure = await run('node', ['--import', 'tsx', 'src/bin.ts'], {
      cwd: packageDir,
      env: bareEnv({ CDK_CONTEXT_JSON: JSON.stringify({ githubRepository: 'acme' }) }),
    }).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('githubRepository "acme" is not OWNER/REPO');
    expect(failure?.stderr).toContain('managementAccountId is required');
    expect(failure?.stderr).toContain('region is required');
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
  });

  it('the synth script (CDK CLI) works with an empty HOME and no credentials', async () => {
    const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const outdir = join(scratch, 'cli');
    const context = Object.entries(MINIMAL).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
    // CloudFormation's template validation ran on the same app in-process above; it needs no
    // credentials either, and skipping it here saves seconds of WebAssembly.
    const env = bareEnv({ CDK_VALIDATION: 'false' });
    await run('sh', ['-c', `${pkg.scripts.synth} "$@"`, 'synth', '--quiet', '-o', outdir, ...context], {
      cwd: packageDir,
      env,
    });
    expect(Object.keys(templateIn(outdir).Resources)).toHaveLength(4);
    expect(validationViolations(outdir)).toEqual([]);
  });
});
