import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './workspace-copy.ts';

/** What a package's src holds for its tests only (DESIGN.md): never compiled into dist. */
const TEST_ONLY = ['src/**/*.test.ts', 'src/**/*.test-support.ts', 'src/testing/**'];

const packageDirs = [
  ...readdirSync(join(repoRoot, 'packages')).map((name) => `packages/${name}`),
  'accounts',
  'policies',
].filter((dir) => existsSync(join(repoRoot, dir, 'package.json')));

function buildScript(dir: string): string | undefined {
  const manifest = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8'));
  return manifest.scripts?.build;
}

describe('builds leave test support out', () => {
  const built = packageDirs.filter((dir) => buildScript(dir) !== undefined);

  it('finds the packages that build', () => {
    expect(built).toEqual(expect.arrayContaining(['packages/model', 'packages/engine', 'packages/cli']));
  });

  it.each(built)('%s builds with tsconfig.build.json, which excludes tests and test support', (dir) => {
    expect(buildScript(dir)).toBe('tsc -p tsconfig.build.json');
    const config = JSON.parse(readFileSync(join(repoRoot, dir, 'tsconfig.build.json'), 'utf8'));
    expect(config.include).toEqual(['src']);
    expect(config.exclude).toEqual(expect.arrayContaining(TEST_ONLY));
  });
});
