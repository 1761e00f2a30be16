import { type Code, LINE_WIDTH, print, quote } from './ts-code.ts';

/** A generated module: collects the imports its declarations use and renders them on top. */
export class SourceFile {
  private readonly modelValues = new Set<string>();
  private readonly modelTypes = new Set<string>();
  private readonly locals = new Map<string, Set<string>>();
  private readonly blocks: string[] = [];

  constructor(readonly path: string) {}

  /** Marks names as imported from the model package. */
  model(...names: string[]): this {
    for (const n of names) this.modelValues.add(n);
    return this;
  }

  modelType(name: string): this {
    this.modelTypes.add(name);
    return this;
  }

  /** Marks identifiers as imported from a sibling generated file, e.g. `./policies.ts`. */
  local(file: string, ...names: string[]): this {
    const set = this.locals.get(file) ?? new Set<string>();
    for (const n of names) set.add(n);
    this.locals.set(file, set);
    return this;
  }

  /** `export const <ident> = <code>;` (with a type annotation and leading comment lines if given). */
  exportConst(ident: string, code: Code, options: { type?: string; comment?: readonly string[] } = {}): this {
    const head = `export const ${ident}${options.type ? `: ${options.type}` : ''} = `;
    this.statement(`${head}${print(code, 0, head.length)};`, options.comment);
    return this;
  }

  exportDefault(code: Code): this {
    const head = 'export default ';
    return this.statement(`${head}${print(code, 0, head.length)};`);
  }

  statement(text: string, comment: readonly string[] = []): this {
    this.blocks.push([...comment.map((c) => `// ${c}`), text].join('\n'));
    return this;
  }

  /** A comment line standing on its own, e.g. a section heading. */
  section(title: string): this {
    this.blocks.push(`// ${title}`);
    return this;
  }

  render(header: readonly string[], modelImport: string): string {
    const imports: string[] = [];
    if (this.modelTypes.size || this.modelValues.size) {
      const names = [...[...this.modelTypes].map((n) => `type ${n}`), ...this.modelValues].sort(byName);
      imports.push(importLine(names, modelImport));
    }
    for (const file of [...this.locals.keys()].sort())
      imports.push(importLine([...this.locals.get(file)!].sort(byName), file));
    const parts = [header.map((h) => `// ${h}`).join('\n'), imports.join('\n'), ...joinSections(this.blocks)];
    return `${parts.filter(Boolean).join('\n\n')}\n`;
  }
}

/** Section headings sit directly above the declaration that follows them. */
function joinSections(blocks: readonly string[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const last = out[out.length - 1];
    if (last !== undefined && /^\/\/ [^\n]*$/.test(last) && !last.includes('\n'))
      out[out.length - 1] = `${last}\n${block}`;
    else out.push(block);
  }
  return out;
}

function byName(a: string, b: string): number {
  const ka = a.replace(/^type /, '').toLowerCase();
  const kb = b.replace(/^type /, '').toLowerCase();
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function importLine(names: readonly string[], from: string): string {
  const line = `import { ${names.join(', ')} } from ${quote(from)};`;
  if (line.length <= LINE_WIDTH) return line;
  return `import {\n${names.map((n) => `  ${n},`).join('\n')}\n} from ${quote(from)};`;
}
