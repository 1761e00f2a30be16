// model compiles without Node's types (tsconfig: `types: []`, lib ES2023), so it runs wherever
// JavaScript does. TextEncoder is a web-standard global (Node, Deno, browsers) that the ES lib does
// not declare; this is the one shape of it model uses.
declare const TextEncoder: new () => { encode(input: string): Uint8Array };

const encoder = new TextEncoder();

/** Length of a string in UTF-8 bytes: how AWS counts policy sizes. */
export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length;
}
