import type { Site } from '../site.ts';
import { inert, keySegment } from './paths.ts';

/**
 * Turns a raw path (keys and indexes, as a schema reports it) into the readable form the rules
 * use, by looking at the raw value: `['accounts', 2, 'email']` becomes `accounts[log-archive].email`.
 * Also returns the value found there and the nearest captured `site` on the way down.
 */
export function readablePath(
  root: unknown,
  segments: readonly PropertyKey[],
): { readonly path: string; readonly value: unknown; readonly site?: Site } {
  let current: unknown = root;
  let path = '';
  let site = siteOf(root);
  for (const segment of segments) {
    if (Array.isArray(current) && typeof segment === 'number') {
      current = current[segment];
      path += `[${inert(labelOf(current, segment))}]`;
    } else {
      const key = String(segment);
      current = isObject(current) ? current[key] : undefined;
      path = path === '' && /^[A-Za-z_$][\w$]*$/.test(key) ? key : `${path}${keySegment(key)}`;
    }
    site = siteOf(current) ?? site;
  }
  return { path, value: current, site };
}

function labelOf(element: unknown, index: number): string {
  if (!isObject(element)) return String(index);
  const name = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  switch (element.kind) {
    case 'ou':
      return ouPathOf(element) ?? name(element.name) ?? String(index);
    case 'assignment': {
      const principal = isObject(element.principal) ? name(element.principal.name) : undefined;
      const ps = isObject(element.permissionSet) ? name(element.permissionSet.name) : undefined;
      return principal && ps ? `${principal}:${ps}` : String(index);
    }
    case 'trusted-service':
      return name(element.principal) ?? String(index);
    case 'tag':
      return name(element.key)
        ? `tag:${element.key as string}${typeof element.value === 'string' ? `=${element.value}` : ''}`
        : String(index);
    default:
      return name(element.name) ?? String(index);
  }
}

/** The OU's path when every name up to the root is a string; bounded so a broken chain cannot loop. */
function ouPathOf(ou: Record<string, unknown>): string | undefined {
  const names: string[] = [];
  let node: unknown = ou;
  for (let i = 0; i < 64 && isObject(node); i++) {
    if (node.kind === 'root') return `/${names.reverse().join('/')}`;
    if (node.kind !== 'ou' || typeof node.name !== 'string') return undefined;
    names.push(node.name);
    node = node.parent;
  }
  return undefined;
}

function siteOf(value: unknown): Site | undefined {
  if (!isObject(value) || !isObject(value.site)) return undefined;
  const { file, line, column } = value.site;
  return typeof file === 'string' && typeof line === 'number' && typeof column === 'number'
    ? { file, line, column }
    : undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
