import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { camelCase, Namer } from './identifiers.ts';

describe('camelCase', () => {
  it.each([
    ['log-archive', 'logArchive'],
    ['Prod', 'prod'],
    ['AWS', 'aws'],
    ['AWSAdmins', 'awsAdmins'],
    ['Platform Admins', 'platformAdmins'],
    ['x.y@z', 'xYZ'],
    ['Sécurité', 'sécurité'],
    ['---', ''],
  ])('%s -> %s', (name, ident) => {
    expect(camelCase(name)).toBe(ident);
  });
});

describe('Namer', () => {
  it('hands out the first free candidate, then numbers', () => {
    const namer = new Namer();
    expect(namer.claim('ou', ['Prod', '/Workloads/Prod'])).toBe('prod');
    expect(namer.claim('ou', ['Prod', '/Sandbox/Prod'])).toBe('sandboxProd');
    expect(namer.claim('account', ['prod'])).toBe('prod2');
    expect(namer.claim('account', ['123'])).toBe('account123');
    expect(namer.claim('ou', ['default', 'default ou'])).toBe('defaultOu');
    expect(namer.claim('account', ['root', 'root account'])).toBe('rootAccount');
    expect(namer.claim('ou', ['***'])).toBe('ou');
  });

  it('treats letters that cannot be in an identifier as separators (found by the property below)', () => {
    // U+2E2F VERTICAL TILDE is a letter (Lm) but Pattern_Syntax, so neither ID_Start nor ID_Continue.
    const namer = new Namer();
    expect(namer.claim('thing', ['\u2E2F'])).toBe('thing');
    expect(namer.claim('thing', ['a\u2E2Fb'])).toBe('aB');
    expect(() => new Function(`'use strict'; const ${namer.claim('thing', ['\u2E2Fx'])} = 1;`)).not.toThrow();
  });

  it('always returns a valid, unused identifier', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })), { minLength: 1, maxLength: 20 }),
        (names) => {
          const namer = new Namer();
          const ids = names.map((n) => namer.claim('thing', [n]));
          expect(new Set(ids).size).toBe(ids.length);
          const body = ids.map((id) => `const ${id} = 1;`).join('\n');
          expect(() => new Function(`'use strict';\n${body}`)).not.toThrow();
        },
      ),
    );
  });
});
