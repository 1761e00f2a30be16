import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arr, call, jsonCode, obj, print, propertyKey, quote, raw, str } from './ts-code.ts';

const evalExpression = (source: string): unknown => new Function(`return (${source});`)();
const anyChar = fc.nat(0xffff).map((c) => String.fromCharCode(c));

describe('quote', () => {
  it('reads back as the same string, including quotes, line separators and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyChar }), (s) => {
        const literal = quote(s);
        expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(evalExpression(literal)).toBe(s);
      }),
    );
  });

  it('prefers single quotes, and double quotes only to avoid escaping', () => {
    expect(quote('deny-leave')).toBe("'deny-leave'");
    expect(quote("Ops' access")).toBe('"Ops\' access"');
    expect(quote(`it's "x"`)).toBe(`'it\\'s "x"'`);
  });
});

describe('jsonCode', () => {
  it('prints JSON data that evaluates back to equal data with own keys only', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const value: unknown = JSON.parse(text);
        expect(evalExpression(print(jsonCode(value, 2)))).toStrictEqual(value);
      }),
    );
  });

  it('keeps __proto__ an own property', () => {
    const value: unknown = JSON.parse('{"__proto__":{"a":1}}');
    const source = print(jsonCode(value));
    expect(source).toBe("{ ['__proto__']: { a: 1 } }");
    expect(Object.keys(evalExpression(source) as object)).toEqual(['__proto__']);
  });
});

describe('print', () => {
  it('keeps code on one line when it fits and breaks one level at a time when it does not', () => {
    const short = call(
      'account',
      obj([
        ['name', str('a')],
        ['parent', raw('root')],
      ]),
    );
    expect(print(short)).toBe("account({ name: 'a', parent: root })");
    const long = call(
      'account',
      obj([
        ['name', str('x'.repeat(60))],
        ['email', str('y'.repeat(40))],
        ['root', raw('root')],
      ]),
    );
    expect(print(long)).toBe(
      `account({\n  name: '${'x'.repeat(60)}',\n  email: '${'y'.repeat(40)}',\n  root,\n})`,
    );
  });

  it('breaks arrays marked to break even when short, with trailing commas', () => {
    expect(print(arr([raw('a'), raw('b')], true))).toBe('[\n  a,\n  b,\n]');
    expect(print(arr([]))).toBe('[]');
  });

  it('quotes keys that are not identifiers', () => {
    expect(propertyKey('env')).toBe('env');
    expect(propertyKey('cost-center')).toBe("'cost-center'");
    expect(propertyKey('aws:PrincipalArn')).toBe("'aws:PrincipalArn'");
  });
});
