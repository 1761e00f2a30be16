/**
 * Finds every AWS request the source can make, by parsing it. An SDK v3 request needs a
 * `<Operation>Command` object, and the only way to get one is to import its class from the
 * client package; so the scan accepts exactly three kinds of value imports from `@aws-sdk/*`
 * (command classes, the client class, exception classes) and refuses everything else that could
 * send a request out of its sight: aggregated clients, paginators, waiters, namespace or default
 * imports, re-exports, dynamic `import()` or `require`, and a command class used other than with
 * `new`. Each `new` of a
 * command must sit inside a `call('<Operation>', …)` / `caller.call(service, '<Operation>', …)`
 * naming the same operation, so rate limits, statistics and permissions key on the same name.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { SDK_CLIENT_PACKAGES } from '../src/operations.ts';
import type { ServiceName } from '../src/service.ts';

export interface SentCommand {
  readonly service: ServiceName;
  readonly operation: string;
  /** `file:line` of the `new` expression. */
  readonly at: string;
}

export interface ScanResult {
  readonly sent: readonly SentCommand[];
  /** Constructs that would let a request escape the scan, each with `file:line`. */
  readonly problems: readonly string[];
  /** Value imports from `@aws-sdk/*` (module names), to tell which files talk to AWS at all. */
  readonly sdkModules: readonly string[];
}

const SERVICE_BY_PACKAGE = new Map<string, ServiceName>(
  (Object.entries(SDK_CLIENT_PACKAGES) as [ServiceName, string][]).map(([service, pkg]) => [pkg, service]),
);

function where(file: string, source: ts.SourceFile, node: ts.Node): string {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `${file}:${line + 1}`;
}

/** The operation named by the nearest enclosing `call(…)` / `x.call(…)` with a string argument. */
function enclosingCallOperation(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (!ts.isCallExpression(n)) continue;
    const callee = n.expression;
    const name = ts.isIdentifier(callee)
      ? callee.text
      : ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : undefined;
    if (name !== 'call') continue;
    const literals = n.arguments.filter(ts.isStringLiteralLike);
    const last = literals[literals.length - 1];
    if (last) return last.text;
  }
  return undefined;
}

/** Scan one file's text. `file` is only used in messages. */
export function scanSource(file: string, text: string): ScanResult {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const sent: SentCommand[] = [];
  const problems: string[] = [];
  const sdkModules: string[] = [];
  // Local name of an imported command class -> what it sends.
  const commands = new Map<string, { service: ServiceName; operation: string }>();
  const importSpecifiers = new Set<ts.Node>();

  for (const statement of source.statements) {
    if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text.startsWith('@aws-sdk/') &&
      !statement.isTypeOnly
    ) {
      problems.push(
        `${where(file, source, statement)}: re-exports from ${statement.moduleSpecifier.text}; import from it where the request is sent`,
      );
      continue;
    }
    if (
      ts.isImportEqualsDeclaration(statement) &&
      ts.isExternalModuleReference(statement.moduleReference) &&
      ts.isStringLiteral(statement.moduleReference.expression) &&
      statement.moduleReference.expression.text.startsWith('@aws-sdk/')
    ) {
      problems.push(
        `${where(file, source, statement)}: import = require() of ${statement.moduleReference.expression.text}`,
      );
      continue;
    }
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const module = statement.moduleSpecifier.text;
    if (!module.startsWith('@aws-sdk/')) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const at = where(file, source, statement);
    const service = SERVICE_BY_PACKAGE.get(module);
    const bindings = clause.namedBindings;
    const values =
      bindings && ts.isNamedImports(bindings) ? bindings.elements.filter((e) => !e.isTypeOnly) : [];
    if (clause.name || (bindings && ts.isNamespaceImport(bindings))) {
      problems.push(`${at}: default or namespace import of ${module}; import the command classes by name`);
    }
    if (values.length === 0) continue;
    sdkModules.push(module);
    if (service === undefined) {
      problems.push(
        `${at}: imports ${module}, a client the operations table does not know; add its service to ` +
          'ServiceName and SDK_CLIENT_PACKAGES, and its operations to AWS_OPERATIONS (src/operations.ts)',
      );
      continue;
    }
    for (const element of values) {
      const imported = (element.propertyName ?? element.name).text;
      importSpecifiers.add(element.name);
      if (imported.endsWith('Command')) {
        commands.set(element.name.text, { service, operation: imported.slice(0, -'Command'.length) });
      } else if (!imported.endsWith('Client') && !imported.endsWith('Exception')) {
        problems.push(
          `${where(file, source, element)}: imports ${imported} from ${module}; only *Command classes, the ` +
            'client class and exception classes may be imported, so every request stays visible to this scan',
        );
      }
    }
  }

  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0]) &&
      node.arguments[0].text.startsWith('@aws-sdk/')
    ) {
      problems.push(`${where(file, source, node)}: dynamic import or require of ${node.arguments[0].text}`);
    }
    if (ts.isIdentifier(node) && commands.has(node.text) && !importSpecifiers.has(node)) {
      const command = commands.get(node.text)!;
      const parent = node.parent;
      if (parent && ts.isNewExpression(parent) && parent.expression === node) {
        const at = where(file, source, node);
        sent.push({ ...command, at });
        const named = enclosingCallOperation(parent);
        if (named === undefined) {
          problems.push(`${at}: ${node.text} is sent outside Caller.call`);
        } else if (named !== command.operation) {
          problems.push(`${at}: ${node.text} is sent under call('${named}')`);
        }
      } else {
        problems.push(`${where(file, source, node)}: ${node.text} is used other than with \`new\``);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { sent, problems, sdkModules };
}

/** Every non-test `.ts` file under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) files.push(path);
  }
  return files.sort();
}

/** Scan every source file under `dir`; paths in messages are relative to `root`. */
export function scanDirectory(dir: string, root: string): ScanResult {
  const results = sourceFiles(dir).map((path) =>
    scanSource(relative(root, path), readFileSync(path, 'utf8')),
  );
  return {
    sent: results.flatMap((r) => r.sent),
    problems: results.flatMap((r) => r.problems),
    sdkModules: [...new Set(results.flatMap((r) => r.sdkModules))],
  };
}
