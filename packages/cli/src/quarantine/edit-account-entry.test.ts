import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '../../test/harness.ts';
import { type AccountDefinition, recordQuarantine, stringLiteral } from './edit-account-entry.ts';

const ENTRY = {
  reason: 'INC-42 root login',
  at: '2026-11-30T10:15:00.000Z',
  by: 'arn:aws:sts::100000000000:assumed-role/orgops-apply/incident',
};

const FILE = `import { account } from '@orgops/model';
import { prod, root } from './ous.ts';

/** Payments, production. */
export const paymentsProd = account({
  name: 'payments-prod',
  email: 'aws+payments-prod@example.com',
  parent: prod,
  tags: { environment: 'prod' },
});

export const sandbox = account({ name: 'sandbox', email: 'aws+sandbox@example.com', parent: root });
`;

const payments: AccountDefinition = {
  name: 'payments-prod',
  email: 'aws+payments-prod@example.com',
  line: 5,
  column: 29,
};

function edit(text: string, account: AccountDefinition = payments, entry = ENTRY) {
  const result = recordQuarantine('accounts.ts', text, account, entry);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** The value of a string property of the quarantine entry in the edited text, as TypeScript reads it. */
function entryValue(text: string, key: string): string | undefined {
  const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === key &&
      ts.isStringLiteral(node.initializer) &&
      ts.isObjectLiteralExpression(node.parent) &&
      ts.isPropertyAssignment(node.parent.parent) &&
      (node.parent.parent.name as ts.Identifier).text === 'quarantine'
    )
      found = node.initializer.text;
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

/** Biome, as the repository's lint runs it: the edit must already be formatted. */
function biomeFormat(text: string): string {
  return execFileSync(
    join(workspaceRoot, 'node_modules/.bin/biome'),
    ['format', '--stdin-file-path=accounts.ts'],
    {
      input: text,
      cwd: workspaceRoot,
      encoding: 'utf8',
    },
  );
}

describe('recordQuarantine', () => {
  it('adds the entry at the end of a multi-line account and leaves every other byte alone', () => {
    const { text, changed, summary } = edit(FILE);
    expect(changed).toBe(true);
    expect(summary).toBe('added a quarantine entry to payments-prod');
    expect(text).toBe(
      FILE.replace(
        "  tags: { environment: 'prod' },\n});",
        `  tags: { environment: 'prod' },
  quarantine: {
    reason: 'INC-42 root login',
    at: '2026-11-30T10:15:00.000Z',
    by: 'arn:aws:sts::100000000000:assumed-role/orgops-apply/incident',
  },
});`,
      ),
    );
    expect(biomeFormat(text)).toBe(text);
  });

  it('lays a one-line account out one property per line, as the formatter would keep it', () => {
    const { text } = edit(FILE, { name: 'sandbox', email: 'aws+sandbox@example.com', line: 12, column: 25 });
    expect(text).toContain(`export const sandbox = account({
  name: 'sandbox',
  email: 'aws+sandbox@example.com',
  parent: root,
  quarantine: {
    reason: 'INC-42 root login',`);
    expect(biomeFormat(text)).toBe(text);
  });

  it('is a no-op the second time, and replaces an entry of an earlier quarantine', () => {
    const once = edit(FILE).text;
    expect(edit(once)).toMatchObject({
      changed: false,
      text: once,
      summary: 'payments-prod already records this quarantine',
    });
    const later = edit(once, payments, { ...ENTRY, at: '2026-12-24T00:00:00.000Z', reason: 'INC-77' });
    expect(later.summary).toBe('replaced the quarantine entry of payments-prod');
    expect(entryValue(later.text, 'at')).toBe('2026-12-24T00:00:00.000Z');
    expect(later.text.match(/quarantine:/g)).toHaveLength(1);
  });

  it('drops a release the new quarantine supersedes', () => {
    const released = FILE.replace(
      "  tags: { environment: 'prod' },\n",
      "  tags: { environment: 'prod' },\n  release: { reason: 'INC-7 closed', quarantinedAt: '2026-01-01T00:00:00.000Z' },\n",
    );
    const { text, summary } = edit(released);
    expect(summary).toBe('added a quarantine entry to payments-prod and removed its release');
    expect(text).not.toContain('release');
    expect(text).toBe(edit(FILE).text);
  });

  it('writes any reason as a string literal that means exactly it, on one line', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a reason that looks like a template must stay text.
    const reason = 'it\'s \\ "bad"\nreally\t\u001b[31m\u202e ${x} `y` — ok';
    const { text } = edit(FILE, payments, { ...ENTRY, reason });
    expect(entryValue(text, 'reason')).toBe(reason);
    const line = text.split('\n').find((l) => l.includes('reason:'))!;
    expect(line).toBe(`    reason: ${stringLiteral(reason)},`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control character may reach the file.
    expect(line).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it('picks the account by its email when a line holds two', () => {
    const two =
      "export const a = [account({ name: 'a', email: 'a@example.com', parent: root }), account({ name: 'b', email: 'b@example.com', parent: root })];\n";
    const { text } = edit(two, { name: 'b', email: 'B@example.com', line: 1, column: 80 });
    expect(entryValue(text, 'reason')).toBe(ENTRY.reason);
    expect(text.indexOf('quarantine')).toBeGreaterThan(text.indexOf("'b@example.com'"));
  });

  it('refuses what it cannot prove is the account, saying why', () => {
    const refuse = (text: string, account: AccountDefinition = payments) => {
      const r = recordQuarantine('accounts.ts', text, account, ENTRY);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.reason;
    };
    // The line moved (the file changed since the config was loaded).
    expect(refuse(FILE, { ...payments, line: 6 })).toMatch(/no call with an object literal is on line 6/);
    // Built by a helper: the literal does not spell out the email.
    const helper =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source with a template literal.
      "const make = (name: string) => account({ name, email: `aws+${name}@example.com`, parent: root });\nexport const p = make('payments-prod');\n";
    expect(refuse(helper, { ...payments, line: 1 })).toMatch(
      /does not spell out payments-prod's email, id or name/,
    );
    // Another account on that line.
    expect(refuse(FILE, { ...payments, line: 12 })).toMatch(/does not spell out/);
    expect(refuse('export const x = account({ name: ', payments)).toMatch(/does not parse/);
  });

  it('edits the example organization so that it still formats and type-checks the same', () => {
    const file = join(workspaceRoot, 'accounts/src/accounts.ts');
    const original = readFileSync(file, 'utf8');
    const line =
      original.split('\n').findIndex((l) => l.includes('export const paymentsProd = account({')) + 1;
    const { text } = edit(original, { ...payments, line, column: 29 });
    expect(biomeFormat(text)).toBe(text);
    const diff = text.split('\n').filter((l, i) => l !== original.split('\n')[i]);
    expect(diff[0]).toBe('  quarantine: {');
  });
});
