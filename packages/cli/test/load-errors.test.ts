import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateLoadFailure } from '../src/load-error.ts';
import { finished, scratchDir, spawnOrgops, writeTree } from './harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);

const HEAD = `import { defineOrganization, FullAWSAccess, organizationalUnit, organizationRoot } from '@orgops/model';\n`;

/** Runs `orgops validate` as a real process (source-mapped positions, as a user sees them). */
async function validate(files: Record<string, string>) {
  const dir = join(
    scratch.dir,
    `case-${Object.keys(files).join('-').replace(/\W/g, '')}-${Math.random().toString(36).slice(2)}`,
  );
  writeTree(dir, files);
  const run = await finished(spawnOrgops(['validate', '--config', dir]));
  return { ...run, dir };
}

describe('a config that does not load', () => {
  it('shows a syntax error at file:line:column with the source line', async () => {
    const run = await validate({
      'index.ts': `${HEAD}\nconst root = organizationRoot({ policies: [FullAWSAccess] });\nconst ous = [organizationalUnit('Infra', { parent: root ))];\nexport default defineOrganization({ root, organizationalUnits: ous, accounts: [] } as never);\n`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error \[config-load-failed\] \S*index\.ts:4:57\n/);
    expect(run.stderr).toContain('Could not load the config: SyntaxError: Expected "}" but found ")"');
    expect(run.stderr).toContain(
      "    4 | const ous = [organizationalUnit('Infra', { parent: root ))];\n      |                                                         ^",
    );
    expect(run.stderr).not.toContain('Transform failed');
  }, 60_000);

  it('shows an undefined variable at file:line:column with the source line', async () => {
    const run = await validate({
      'index.ts': `${HEAD}\nconst root = organizationRoot({ policies: [FullAWSAccess] });\nconst infrastructure = organizationalUnit('Infra', { parent: root });\nexport default defineOrganization({ root, organizationalUnits: [infrastructur], accounts: [] } as never);\n`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error \[config-load-failed\] \S*index\.ts:5:65\n/);
    expect(run.stderr).toContain('ReferenceError: infrastructur is not defined');
    expect(run.stderr).toMatch(/ {4}5 \| export default .*\n {6}\| {65}\^/);
  }, 60_000);

  it('points into the imported file where the error is thrown', async () => {
    const run = await validate({
      'index.ts': `${HEAD}import { ous, root } from './ous.ts';\nexport default defineOrganization({ root, organizationalUnits: ous, accounts: [] } as never);\n`,
      'ous.ts': `import { FullAWSAccess, organizationRoot } from '@orgops/model';\nexport const root = organizationRoot({ policies: [FullAWSAccess] });\nconst teams: string[] | undefined = undefined;\nexport const ous = teams!.map((t) => t);\n`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error \[config-load-failed\] \S*ous\.ts:4:\d+\n/);
    expect(run.stderr).toContain('TypeError:');
    expect(run.stderr).toContain('    4 | export const ous = teams!.map((t) => t);');
  }, 60_000);
});

describe('locateLoadFailure', () => {
  it('skips frames of dependencies, Node and orgops itself to find the user line', () => {
    const err = new TypeError('x is not a function');
    err.stack = [
      'TypeError: x is not a function',
      '    at validate (/repo/packages/model/src/validate.ts:10:5)',
      '    at run (/repo/node_modules/tsx/dist/index.mjs:1:2)',
      '    at node:internal/modules/esm/module_job:325:25',
      '    at <anonymous> (file:///nowhere/org/index.ts:7:3)',
    ].join('\n');
    expect(locateLoadFailure(err)).toEqual({
      summary: 'TypeError: x is not a function',
      site: { file: '/nowhere/org/index.ts', line: 7, column: 3 },
    });
  });

  it('keeps the message when nothing locates the error', () => {
    const err = new Error("Cannot find package 'nope'");
    err.stack = "Error: Cannot find package 'nope'\n    at node:internal/x:1:1";
    expect(locateLoadFailure(err)).toEqual({ summary: "Error: Cannot find package 'nope'" });
  });
});
