import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspace, type Finding, lint, writeFile } from './workspace-copy.ts';

// Each probe: a file with one forbidden import on line 2, and what lint must say about it.
const probes = [
  {
    what: 'a Node built-in in model',
    path: 'packages/model/src/probe-node.ts',
    line: "import { readFileSync } from 'node:fs';",
    rule: 'lint/style/noRestrictedImports',
    says: ['@orgops/model is pure', 'no Node built-ins', 'Take the data as a parameter'],
  },
  {
    what: 'a bare Node built-in in model',
    path: 'packages/model/src/probe-bare-node.ts',
    line: "import { readFileSync } from 'fs';",
    rule: 'lint/style/useNodejsImportProtocol',
    says: ['node:'],
  },
  {
    what: 'the AWS SDK in engine',
    path: 'packages/engine/src/probe-sdk.ts',
    line: "import { OrganizationsClient } from '@aws-sdk/client-organizations';",
    rule: 'lint/style/noRestrictedImports',
    says: ['@orgops/engine is pure', 'never imports the AWS SDK', 'behind a port in @orgops/live'],
  },
  {
    what: "the AWS SDK in engine's tests",
    path: 'packages/engine/test/probe-sdk.test.ts',
    line: "import { OrganizationsClient } from '@aws-sdk/client-organizations';",
    rule: 'lint/style/noRestrictedImports',
    says: ['@orgops/engine is pure', 'not even in tests'],
  },
  {
    what: "the AWS SDK in another package's src",
    path: 'packages/github/src/probe-sdk.ts',
    line: "import { OrganizationsClient } from '@aws-sdk/client-organizations';",
    rule: 'lint/style/noRestrictedImports',
    says: ['Only @orgops/aws, @orgops/cdk and @orgops/testkit import the AWS SDK in src, not @orgops/github'],
  },
  {
    what: 'a relative import into another package, from src',
    path: 'packages/cli/src/probe-relative.ts',
    line: "import { createAwsPorts } from '../../aws/src/index.ts';",
    rule: 'plugin',
    says: ['leaves its package', 'by its name, declared in package.json'],
  },
  {
    what: 'a relative import into another package, from a nested test',
    path: 'packages/cli/test/nested/probe-relative.test.ts',
    line: "import { startMoto } from '../../../aws/test/moto.ts';",
    rule: 'plugin',
    says: ['leaves its package'],
  },
  {
    what: 'a dynamic relative import into another package',
    path: 'packages/cli/test/probe-dynamic.test.ts',
    line: "export const moto = import('../../aws/test/moto.ts');",
    rule: 'plugin',
    says: ['leaves its package'],
  },
  {
    what: 'a relative import out of accounts into policies',
    path: 'accounts/src/probe-relative.ts',
    line: "import { scps } from '../../policies/src/index.ts';",
    rule: 'plugin',
    says: ['leaves its package'],
  },
  {
    what: 'an undeclared npm package',
    path: 'packages/live/src/probe-undeclared.ts',
    line: "import { Command } from 'commander';",
    rule: 'lint/correctness/noUndeclaredDependencies',
    says: ["commander isn't specified in packages/live/package.json"],
  },
  {
    what: 'a devDependency in src',
    path: 'packages/model/src/probe-dev.ts',
    line: "import fc from 'fast-check';",
    rule: 'lint/correctness/noUndeclaredDependencies',
    says: ['fast-check'],
  },
  {
    what: 'an upward import (engine → live)',
    path: 'packages/engine/src/probe-upward.ts',
    line: "import { readSnapshot } from '@orgops/live';",
    rule: 'lint/style/noRestrictedImports',
    says: [
      '@orgops/engine may not import @orgops/live',
      'dependencies run one way',
      'packages/boundaries/src/rules.mjs',
      'pass it in through a port',
    ],
  },
  {
    what: 'an upward import in tests (model → engine)',
    path: 'packages/model/test/probe-upward.test.ts',
    line: "import { plan } from '@orgops/engine';",
    rule: 'lint/style/noRestrictedImports',
    says: ['@orgops/model may not import @orgops/engine'],
  },
  {
    what: "the engine's test kit in another package's src",
    path: 'packages/sandbox/src/probe-kit.ts',
    line: "import { SnapshotBuilder } from '@orgops/engine/testing';",
    rule: 'lint/style/noRestrictedImports',
    says: ['@orgops/engine/testing is test support', "@orgops/sandbox's src may not import it"],
  },
  {
    what: 'a subpath of a package it may not import (model → engine/testing)',
    path: 'packages/model/test/probe-subpath.test.ts',
    line: "import { SnapshotBuilder } from '@orgops/engine/testing';",
    rule: 'lint/style/noRestrictedImports',
    says: ['@orgops/model imports no workspace package, subpaths included'],
  },
  {
    what: 'a sideways import (policies → accounts, a cycle)',
    path: 'policies/src/probe-sideways.ts',
    line: "import { organization } from '@org/accounts';",
    rule: 'lint/style/noRestrictedImports',
    says: ['@org/policies may not import @org/accounts'],
  },
] as const;

// What the rules allow: none of these may be reported.
const allowed = [
  {
    path: 'packages/engine/src/ok.ts',
    text: "import { z } from 'zod';\nimport { LIMITS } from '@orgops/model';\nimport { x } from './x.ts';\nexport const a = [z, LIMITS, x];\n",
  },
  {
    path: 'packages/engine/src/deep/er/ok.ts',
    text: "import { y } from '../../plan.ts';\nexport const b = y;\n",
  },
  {
    path: 'packages/engine/test/ok.test.ts',
    text: "import { readFileSync } from 'node:fs';\nimport { it } from 'vitest';\nimport fc from 'fast-check';\nexport const c = [readFileSync, it, fc];\n",
  },
  {
    path: 'packages/aws/src/ok.ts',
    text: "import { OrganizationsClient } from '@aws-sdk/client-organizations';\nimport { readFileSync } from 'node:fs';\nexport const d = [OrganizationsClient, readFileSync];\n",
  },
  {
    path: 'packages/cli/src/commands/ok.ts',
    text: "import { createAwsPorts } from '@orgops/aws';\nimport { e } from '../../test/e.ts';\nexport const f = [createAwsPorts, e];\n",
  },
  {
    path: 'packages/sandbox/test/ok-kit.test.ts',
    text: "import { SnapshotBuilder } from '@orgops/engine/testing';\nexport const h = SnapshotBuilder;\n",
  },
  {
    path: 'packages/github/test/ok.test.ts',
    text: "import { OrganizationsClient } from '@aws-sdk/client-organizations';\nexport const g = OrganizationsClient;\n",
  },
];

describe('pnpm lint rejects a forbidden import', () => {
  let root: string;
  let findings: Finding[];

  beforeAll(() => {
    root = copyWorkspace();
    for (const probe of probes)
      writeFile(root, probe.path, `// probe: ${probe.what}\n${probe.line}\nexport {};\n`);
    for (const file of allowed) writeFile(root, file.path, file.text);
    findings = lint(root, ['accounts', 'policies', 'packages']);
  }, 120_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(probes)('$what: names the file, line 2, the rule and the fix', (probe) => {
    const found = findings.filter((f) => f.path === probe.path && f.rule === probe.rule);
    expect(found, JSON.stringify(findings.filter((f) => f.path === probe.path))).toHaveLength(1);
    expect(found[0]?.line).toBe(2);
    for (const phrase of probe.says) expect(found[0]?.message).toContain(phrase);
  });

  it('reports nothing the rules allow', () => {
    const paths = new Set(allowed.map((file) => file.path));
    expect(findings.filter((f) => paths.has(f.path))).toEqual([]);
  });
});
