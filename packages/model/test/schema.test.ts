import { describe, expect, it } from 'vitest';
import {
  account,
  type Diagnostic,
  defineOrganization,
  FullAWSAccess,
  organizationRoot,
  protectedRole,
  validateConfig,
  waive,
} from '../src/index.ts';
import { baseline } from './fixture.ts';

function errorsOf(value: unknown, file?: string): readonly Diagnostic[] {
  const result = validateConfig(value, file === undefined ? {} : { file });
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

function only(value: unknown): Diagnostic {
  const errors = errorsOf(value);
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

/** A valid organization written as plain objects, the way a JavaScript author without the builders might. */
function plainConfig(): Record<string, unknown> {
  const root = { kind: 'root', policies: [FullAWSAccess] };
  const security = { kind: 'ou', name: 'Security', parent: root, policies: [FullAWSAccess] };
  return {
    kind: 'organization',
    policyTypes: ['SERVICE_CONTROL_POLICY'],
    root,
    organizationalUnits: [security],
    accounts: [
      {
        kind: 'account',
        name: 'management',
        email: 'aws+management@example.com',
        parent: root,
        policies: [FullAWSAccess],
        management: true,
      },
      {
        kind: 'account',
        name: 'log-archive',
        email: 'aws+log-archive@example.com',
        parent: security,
        policies: [FullAWSAccess],
      },
    ],
  };
}

describe('not an organization', () => {
  it.each([
    ['null', null, 'it is null'],
    ['a number', 42, 'it is number 42'],
    ['a string', 'accounts/src/index.ts', 'it is the string "accounts/src/index.ts"'],
    ['an array', [], 'it is an array'],
    ['undefined (no default export)', undefined, 'it is undefined'],
    ['an empty object', {}, 'it is an object'],
    [
      'an account',
      account({ name: 'a', email: 'a@example.com', parent: organizationRoot() }),
      'it is a account object',
    ],
  ])('%s', (_name, value, phrase) => {
    const d = only(value);
    expect(d).toMatchObject({ code: 'config-not-organization', path: '', severity: 'error' });
    expect(d.message).toContain(phrase);
    expect(d.fix).toContain('export default defineOrganization(');
  });

  it('recognizes a module namespace and says to pass its default export', () => {
    const d = only({ default: baseline().with({}) });
    expect(d.code).toBe('config-not-organization');
    expect(d.message).toContain('module namespace');
    expect(d.fix).toContain('default export');
  });
});

describe('schema', () => {
  it('accepts a config written as plain objects', () => {
    const result = validateConfig(plainConfig());
    expect(result.ok ? result.warnings : result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('reports every missing root field by name', () => {
    const errors = errorsOf({ kind: 'organization' });
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['schema-missing-field', 'policyTypes'],
      ['schema-missing-field', 'root'],
      ['schema-missing-field', 'organizationalUnits'],
      ['schema-missing-field', 'accounts'],
    ]);
    expect(errors[1]!.fix).toContain('Add "root"');
  });

  it('reports a missing root on an otherwise complete config', () => {
    const { root: _root, ...rest } = plainConfig();
    const d = only(rest);
    expect(d).toMatchObject({ code: 'schema-missing-field', path: 'root' });
    expect(d.message).toBe('root is missing: expected an object.');
  });

  it('names wrong types with a readable path, the bad value and the expected type', () => {
    const config = plainConfig();
    (config.accounts as Record<string, unknown>[])[1]!.email = 42;
    const d = only(config);
    expect(d).toMatchObject({ code: 'schema-invalid-type', path: 'accounts[log-archive].email', value: 42 });
    expect(d.message).toBe('accounts[log-archive].email must be a string, but it is number 42.');
    expect(d.fix).toContain('Set accounts[log-archive].email to a string');
  });

  it('explains why an account id must be a string', () => {
    const config = plainConfig();
    (config.accounts as Record<string, unknown>[])[0]!.id = 111111111111;
    const d = only(config);
    expect(d).toMatchObject({
      code: 'schema-invalid-type',
      path: 'accounts[management].id',
      value: 111111111111,
    });
    expect(d.message).toContain('a number loses leading zeros');
  });

  it('reports a parent given as a string', () => {
    const config = plainConfig();
    (config.organizationalUnits as Record<string, unknown>[])[0]!.parent = 'root';
    const errors = errorsOf(config);
    const d = errors.find((e) => e.path === 'organizationalUnits[Security].parent');
    expect(d).toMatchObject({ code: 'schema-invalid-type', value: 'root' });
    expect(d!.message).toContain('must be the root or an OU');
  });

  it('suggests the intended key for a misspelt one', () => {
    const config = plainConfig();
    const logArchive = (config.accounts as Record<string, unknown>[])[1]!;
    logArchive.emial = logArchive.email;
    const d = only(config);
    expect(d).toMatchObject({ code: 'schema-unknown-key', path: 'accounts[log-archive].emial' });
    expect(d.fix).toContain('Rename it to "email"');
  });

  it('reports unknown keys on the organization itself', () => {
    const d = only({ ...plainConfig(), organisationalUnits: [] });
    expect(d).toMatchObject({ code: 'schema-unknown-key', path: 'organisationalUnits' });
    expect(d.fix).toContain('Rename it to "organizationalUnits"');
  });

  it('reports a policy object of the wrong kind in a policy list', () => {
    const config = plainConfig();
    (config.root as { policies: unknown[] }).policies.push({ kind: 'permission-set', name: 'Admin' });
    const errors = errorsOf(config);
    const d = errors.find((e) => e.path === 'root.policies[Admin].kind');
    expect(d).toMatchObject({ code: 'schema-invalid-type', value: 'permission-set' });
    expect(d!.fix).toContain('serviceControlPolicy({...})');
  });

  it('rejects tag values that are not strings', () => {
    const b = baseline();
    const a = account({
      name: 'x',
      email: 'aws+x@example.com',
      parent: b.root,
      tags: { team: null as unknown as string },
    });
    const d = only(b.with({ accounts: [...b.options.accounts, a] }));
    expect(d).toMatchObject({ code: 'schema-invalid-type', path: 'accounts[x].tags.team', value: null });
    expect(d.message).toContain('"" for an empty value');
    expect(d.site).toEqual(a.site);
  });

  it('rejects policy content that is not JSON data', () => {
    const b = baseline();
    const content: Record<string, unknown> = { Version: '2012-10-17' };
    content.self = content;
    const p = { ...b.denyLeave, name: 'cyclic', content };
    const d = only(b.with({ policies: [p] }));
    expect(d).toMatchObject({ code: 'schema-invalid-value', path: 'policies[cyclic].content' });
    expect(d.message).toContain('must be JSON data');
    // The value is printed by the CLI and serialized with --json, so a cyclic value is described instead.
    expect(d.value).toBe('an object');
  });

  it('checks the lint fields: a waiver needs a reason, a protected role a place, and keys are spelt right', () => {
    const b = baseline();
    const noReason = only(b.with({ waivers: [waive('assignment-to-user', b.readOnly, { reason: ' ' })] }));
    expect(noReason).toMatchObject({ code: 'schema-invalid-value', path: 'waivers[0].reason' });
    expect(noReason.message).toContain('must be a sentence saying why the finding is accepted');
    expect(noReason.fix).toBe(
      'Fix waivers[0].reason so that it is a sentence saying why the finding is accepted.',
    );
    const nowhere = only(
      b.with({
        protectedRoles: [
          {
            ...protectedRole('break-glass', { in: 'member-accounts', mustAllow: [] }),
            in: 'everywhere' as never,
          },
        ],
      }),
    );
    expect(nowhere.path).toBe('protectedRoles[break-glass].in');
    const misspelt = only(
      b.with({
        waivers: [{ ...waive('assignment-to-user', b.readOnly, { reason: 'ok' }), reasons: 'x' } as never],
      }),
    );
    expect(misspelt).toMatchObject({ code: 'schema-unknown-key', path: 'waivers[0].reasons' });
    expect(misspelt.fix).toContain('reason');
    const ok = validateConfig(
      b.with({
        baseline: [FullAWSAccess],
        protectedRoles: [
          protectedRole('break-glass', { in: 'member-accounts', mustAllow: ['iam:CreateRole'] }),
        ],
        waivers: [waive('assignment-to-user', b.readOnly, { reason: 'kept for a test' })],
      }),
    );
    expect(ok.ok).toBe(true);
  });

  it('rejects an unknown principal type', () => {
    const b = baseline();
    const a = { ...b.readOnlyForDevelopers, principal: { ...b.developers, type: 'ROLE' } };
    const d = only(b.with({ assignments: [a as never] }));
    expect(d).toMatchObject({
      code: 'schema-invalid-value',
      path: 'assignments[Developers:ReadOnly].principal.type',
    });
    expect(d.fix).toBe('Use one of "GROUP", "USER".');
  });

  it('reports an OU parent chain that is a cycle instead of recursing forever', () => {
    const config = plainConfig();
    const a: Record<string, unknown> = { kind: 'ou', name: 'A', policies: [] };
    const b: Record<string, unknown> = { kind: 'ou', name: 'B', parent: a, policies: [] };
    a.parent = b;
    (config.organizationalUnits as unknown[]).push(a, b);
    const errors = errorsOf(config);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'ou-parent-cycle', path: 'organizationalUnits[1].parent' });
    expect(errors[0]!.message).toContain('A -> B -> A is a cycle');
  });

  it('points diagnostics without a captured site at the given file, line unknown', () => {
    const config = plainConfig();
    (config.accounts as Record<string, unknown>[])[1]!.email = 42;
    const [d] = errorsOf(config, 'accounts/src/index.js');
    expect(d!.site).toEqual({ file: 'accounts/src/index.js', line: 0, column: 0 });
  });

  it('keeps a captured site over the file fallback', () => {
    const b = baseline();
    const result = validateConfig(b.with({ defaultPolicies: undefined }), { file: 'accounts/src/index.ts' });
    expect(result.ok).toBe(false);
    const security = result.ok
      ? undefined
      : result.errors.find((e) => e.path === 'organizationalUnits[/Security].policies');
    expect(security?.site).toBe(b.security.site);
  });
});

describe('never throws', () => {
  it('turns an exception thrown while reading the config into an internal-error diagnostic', () => {
    const config = { ...plainConfig() };
    Object.defineProperty(config, 'accounts', {
      enumerable: true,
      get() {
        throw new Error('getter exploded');
      },
    });
    const d = only(config);
    expect(d.code).toBe('internal-error');
    expect(d.message).toContain('getter exploded');
    expect(d.fix).toContain('Report it');
  });

  it('returns the config object itself and its desired state on success', () => {
    const config = defineOrganization(baseline().options);
    const result = validateConfig(config);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.config).toBe(config);
    expect(result.value.desired.accounts.map((a) => a.email)).toEqual([
      'aws+management@example.com',
      'aws+log-archive@example.com',
      'aws+payments-prod@example.com',
    ]);
  });
});
