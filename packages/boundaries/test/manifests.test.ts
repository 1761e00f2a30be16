import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBiome, checkManifests } from '../src/check.mjs';
import { PACKAGES } from '../src/rules.mjs';
import { copyWorkspace, repoRoot, writeFile } from './workspace-copy.ts';

describe('the workspace keeps to the rules', () => {
  it('every package.json declares only workspace packages it may import, and the table has no cycle', () => {
    expect(checkManifests(repoRoot)).toEqual([]);
  });

  it('biome.json and the plugins are what the rules generate', () => {
    expect(checkBiome(repoRoot)).toEqual([]);
  });
});

describe('the manifest check refuses', () => {
  let root: string;
  beforeEach(() => {
    root = copyWorkspace();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const editManifest = (dir: string, edit: (manifest: Record<string, Record<string, string>>) => void) => {
    const file = join(root, dir, 'package.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    edit(manifest);
    writeFileSync(file, JSON.stringify(manifest));
  };

  it('an upward dependency, even a dev one, naming the file and the fix', () => {
    editManifest('packages/engine', (m) => {
      m.devDependencies = { ...m.devDependencies, '@orgops/live': 'workspace:*' };
    });
    expect(checkManifests(root)).toEqual([
      'packages/engine/package.json: devDependencies has @orgops/live, which @orgops/engine may not import: ' +
        'dependencies run one way (packages/boundaries/src/rules.mjs). Remove it and move the code it needs into ' +
        '@orgops/engine or a package below it, or pass it in through a port.',
    ]);
  });

  it('a package the rules do not know', () => {
    writeFile(root, 'packages/newcomer/package.json', JSON.stringify({ name: '@orgops/newcomer' }));
    expect(checkManifests(root)).toEqual([
      'packages/newcomer/package.json: @orgops/newcomer is not in packages/boundaries/src/rules.mjs: add it with ' +
        'the workspace packages it may import, then run `pnpm boundaries --write`.',
    ]);
  });

  it('a cycle in the table', () => {
    const cyclic = PACKAGES.map((pkg) =>
      pkg.name === '@orgops/model' ? { ...pkg, may: ['@orgops/live'] } : pkg,
    );
    expect(checkManifests(root, cyclic)).toContainEqual(
      expect.stringMatching(/the allowed imports form a cycle: .*@orgops\/model.*@orgops\/live/),
    );
  });

  it('a hand edit to biome.json or a plugin', () => {
    const file = join(root, 'biome.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    config.overrides.pop();
    writeFileSync(file, JSON.stringify(config));
    writeFile(root, 'packages/boundaries/grit/relative-escape-0.grit', 'language js\n');
    expect(checkBiome(root)).toEqual([
      expect.stringContaining('biome.json: its boundary rules'),
      'packages/boundaries/grit/relative-escape-0.grit: missing or edited: run `pnpm boundaries --write`.',
    ]);
    expect(checkBiome(root, { write: true })).toEqual([]);
    expect(checkBiome(root)).toEqual([]);
  });
});
