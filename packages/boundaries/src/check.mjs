// Holds the workspace to rules.mjs: biome.json carries the boundary rules derived from it (biome
// then checks every import), and every package.json declares only workspace packages it may import.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  boundaryOverrides,
  GRIT_DIR,
  pluginFile,
  RULES_FILE,
  relativeEscapePlugin,
} from './biome-overrides.mjs';
import { MAX_DEPTH, PACKAGES, TEST_GLOBS } from './rules.mjs';

const BASE_RULES = {
  correctness: { noUndeclaredDependencies: { level: 'error', options: { devDependencies: TEST_GLOBS } } },
  style: { useNodejsImportProtocol: 'error' },
};

/** Workspace package directories, from pnpm-workspace.yaml's `packages/*`, `accounts`, `policies`. */
/**
 * @param {string} root
 * @returns {string[]}
 */
function workspaceDirs(root) {
  const dirs = [];
  for (const line of readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').split('\n')) {
    const match = /^\s+-\s+(\S+)\s*$/.exec(line);
    if (!match) continue;
    const entry = (match[1] ?? '').replace(/^['"]|['"]$/g, '');
    if (entry.endsWith('/*')) {
      const parent = entry.slice(0, -2);
      for (const name of readdirSync(join(root, parent)).sort()) {
        if (existsSync(join(root, parent, name, 'package.json'))) dirs.push(`${parent}/${name}`);
      }
    } else if (existsSync(join(root, entry, 'package.json'))) dirs.push(entry);
  }
  return dirs;
}

/** @typedef {{ name: string, dir: string, may: readonly string[] }} Package */
/** @typedef {{ includes?: string[], plugins?: string[], linter?: { rules?: { style?: Record<string, unknown> } } }} Override */

/**
 * @param {readonly Package[]} packages
 * @returns {string[] | null}
 */
function cycleIn(packages) {
  const edges = new Map(packages.map((pkg) => [pkg.name, pkg.may]));
  /** @type {Map<string, 'open' | 'done'>} */
  const state = new Map();
  /** @type {(name: string, trail: string[]) => string[] | null} */
  const visit = (name, trail) => {
    if (state.get(name) === 'done') return null;
    if (state.get(name) === 'open') return [...trail.slice(trail.indexOf(name)), name];
    state.set(name, 'open');
    for (const next of edges.get(name) ?? []) {
      const cycle = visit(next, [...trail, name]);
      if (cycle) return cycle;
    }
    state.set(name, 'done');
    return null;
  };
  for (const pkg of packages) {
    const cycle = visit(pkg.name, []);
    if (cycle) return cycle;
  }
  return null;
}

/** Every problem, each naming the file, what is wrong and how to fix it. */
/**
 * @param {string} root
 * @param {readonly Package[]} [packages]
 * @returns {string[]}
 */
export function checkManifests(root, packages = PACKAGES) {
  const problems = [];
  const known = new Map(packages.map((pkg) => [pkg.dir, pkg]));
  const names = new Set(packages.map((pkg) => pkg.name));
  for (const dir of workspaceDirs(root)) {
    const file = `${dir}/package.json`;
    const manifest = JSON.parse(readFileSync(join(root, file), 'utf8'));
    const pkg = known.get(dir);
    if (!pkg) {
      problems.push(
        `${file}: ${manifest.name} is not in ${RULES_FILE}: add it with the workspace packages it may import, then run \`pnpm boundaries --write\`.`,
      );
      continue;
    }
    if (manifest.name !== pkg.name) {
      problems.push(
        `${file}: named ${manifest.name}, but ${RULES_FILE} calls ${dir} ${pkg.name}: make them agree.`,
      );
    }
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const dep of Object.keys(manifest[field] ?? {})) {
        if (!names.has(dep) || pkg.may.includes(dep)) continue;
        problems.push(
          `${file}: ${field} has ${dep}, which ${pkg.name} may not import: dependencies run one way (${RULES_FILE}). ` +
            `Remove it and move the code it needs into ${pkg.name} or a package below it, or pass it in through a port.`,
        );
      }
    }
  }
  for (const pkg of packages) {
    for (const dep of pkg.may) {
      if (!names.has(dep))
        problems.push(`${RULES_FILE}: ${pkg.name} may import ${dep}, which is not in the table.`);
    }
  }
  const cycle = cycleIn(packages);
  if (cycle)
    problems.push(`${RULES_FILE}: the allowed imports form a cycle: ${cycle.join(' → ')}. Remove one edge.`);
  return problems;
}

/** Problems with biome.json and the plugins; with `write`, fixes them instead. */
/**
 * @param {string} root
 * @param {{ write?: boolean }} [options]
 * @returns {string[]}
 */
export function checkBiome(root, { write = false } = {}) {
  const problems = [];
  const file = join(root, 'biome.json');
  const config = JSON.parse(readFileSync(file, 'utf8'));
  const wanted = boundaryOverrides();
  /** @type {Override[]} */
  const overrides = config.overrides ?? [];
  const tail = overrides.slice(overrides.length - wanted.length);
  const rules = config.linter?.rules ?? {};
  const baseOk = Object.entries(BASE_RULES).every(([group, groupRules]) =>
    Object.entries(groupRules).every(([rule, setting]) => isDeepStrictEqual(rules[group]?.[rule], setting)),
  );
  if (!isDeepStrictEqual(tail, wanted) || !baseOk) {
    if (write) {
      const others = overrides.filter((override) => !isBoundaryOverride(override));
      for (const [group, groupRules] of Object.entries(BASE_RULES)) {
        config.linter ??= {};
        config.linter.rules ??= {};
        config.linter.rules[group] = { ...config.linter.rules[group], ...groupRules };
      }
      config.overrides = [...others, ...wanted];
      writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
    } else {
      problems.push(
        `biome.json: its boundary rules (the last ${wanted.length} overrides, noUndeclaredDependencies and useNodejsImportProtocol) differ from ${RULES_FILE}: run \`pnpm boundaries --write\`.`,
      );
    }
  }
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const plugin = join(root, pluginFile(depth));
    const text = relativeEscapePlugin(depth);
    if (existsSync(plugin) && readFileSync(plugin, 'utf8') === text) continue;
    if (write) {
      mkdirSync(join(root, GRIT_DIR), { recursive: true });
      writeFileSync(plugin, text);
    } else problems.push(`${pluginFile(depth)}: missing or edited: run \`pnpm boundaries --write\`.`);
  }
  return problems;
}

/** @param {Override} override */
function isBoundaryOverride(override) {
  const rules = override.linter?.rules?.style;
  return Boolean(rules?.noRestrictedImports) || Boolean(override.plugins?.some((p) => p.includes(GRIT_DIR)));
}
