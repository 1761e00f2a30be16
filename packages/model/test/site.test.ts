import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { account, captureSite, group, libraryFrames, MODEL_FRAMES, siteInStack } from '../src/index.ts';
import { nestedBuilder } from './site-fixture/packages/deep-lib/src/nested.ts';

const THIS_FILE = fileURLToPath(import.meta.url);

/** The line of this file that carries `// at:<tag>`. */
function lineOf(tag: string): number {
  const lines = readFileSync(THIS_FILE, 'utf8').split('\n');
  const index = lines.findIndex((l) => l.endsWith(`// at:${tag}`));
  if (index < 0) throw new Error(`no line tagged ${tag}`);
  return index + 1;
}

const stack = (...frames: string[]) => ['Error', ...frames.map((f) => `    at ${f}`)].join('\n');

describe('captureSite', () => {
  it("points a model builder's object at the caller's file and line", () => {
    const g = group('Developers'); // at:group
    const a = account({ name: 'x', email: 'aws+x@example.com', parent: undefined as never }); // at:account
    expect(g.site).toMatchObject({ file: THIS_FILE, line: lineOf('group') });
    expect(a.site).toMatchObject({ file: THIS_FILE, line: lineOf('account') });
  });

  it("skips the frames of the libraries it is given, past the short stack, to the caller's line", () => {
    const site = nestedBuilder(); // at:nested
    expect(site).toMatchObject({ file: THIS_FILE, line: lineOf('nested') });
  });

  it("stops at a library's frame when only model's frames are skipped", () => {
    expect(nestedBuilder(MODEL_FRAMES)?.file).toMatch(/[\\/]deep-lib[\\/]src[\\/]nested\.ts$/);
  });

  it('is the caller of captureSite itself when nothing of its stack is a library', () => {
    expect(captureSite(libraryFrames('model'))).toMatchObject({ file: THIS_FILE, line: lineOf('direct') }); // at:direct
  });
});

describe('siteInStack', () => {
  const guardrails = libraryFrames('model', 'guardrails');

  it('skips source, build and installed frames of the libraries named, and Node internals', () => {
    const s = stack(
      'captureSite (/repo/packages/model/src/site.ts:50:3)',
      'permissionSet (/repo/node_modules/@orgops/model/dist/permission-set.js:49:3)',
      'guardrailScp (/repo/packages/guardrails/src/build.ts:28:5)',
      'denyAll (/repo/packages/guardrails/dist/scp/deny-all.js:16:3)',
      'x (/app/node_modules/@orgops/guardrails/scp/deny-all.js:16:3)',
      'Module._compile (node:internal/modules/cjs/loader:1554:14)',
      '/repo/policies/src/scps.ts:12:7',
    );
    expect(siteInStack(s, guardrails)).toEqual({ file: '/repo/policies/src/scps.ts', line: 12, column: 7 });
    expect(siteInStack(s)).toEqual({ file: '/repo/packages/guardrails/src/build.ts', line: 28, column: 5 });
  });

  it("keeps a library's tests and other packages with a library's name as a prefix", () => {
    const s = stack(
      'a (/repo/packages/model/src/site.ts:50:3)',
      'b (/repo/packages/model/test/site.test.ts:9:1)',
      'c (/repo/packages/guardrails-extra/src/x.ts:1:1)',
    );
    expect(siteInStack(s, guardrails)?.file).toBe('/repo/packages/model/test/site.test.ts');
    const t = stack(
      'a (/repo/packages/model/src/site.ts:50:3)',
      'c (/repo/packages/guardrails-extra/src/x.ts:1:1)',
    );
    expect(siteInStack(t, guardrails)?.file).toBe('/repo/packages/guardrails-extra/src/x.ts');
  });

  it('reads Windows paths, file:// URLs and module URLs with a query', () => {
    expect(
      siteInStack(
        stack(
          'b (C:\\repo\\packages\\guardrails\\src\\build.ts:28:5)',
          'c (C:\\repo\\policies\\src\\scps.ts:3:9)',
        ),
        guardrails,
      ),
    ).toEqual({ file: 'C:\\repo\\policies\\src\\scps.ts', line: 3, column: 9 });
    expect(siteInStack(stack('file:///repo/policies/src/scps.ts?v=1a2b:4:2'), guardrails)).toEqual({
      file: '/repo/policies/src/scps.ts',
      line: 4,
      column: 2,
    });
    expect(siteInStack(stack('async f (file:///repo/policies/src/scps.ts:5:1)'))).toEqual({
      file: '/repo/policies/src/scps.ts',
      line: 5,
      column: 1,
    });
  });

  it('is undefined without a stack or without a frame outside the libraries', () => {
    expect(siteInStack(undefined)).toBeUndefined();
    expect(
      siteInStack(stack('a (/repo/packages/model/src/site.ts:50:3)', 'b (node:internal/x:1:1)')),
    ).toBeUndefined();
  });
});
