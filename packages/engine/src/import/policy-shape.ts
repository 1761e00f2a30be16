/**
 * Whether a parsed policy document fits the model's typed document shapes exactly, so the import can
 * use the typed builders (`serviceControlPolicy`, `resourceControlPolicy`, a typed inline policy) and
 * the literal passes TypeScript's excess-property checks. Anything else stays loosely typed.
 */
export type DocumentShape = 'identity' | 'resource-control' | 'other';

const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);

export function documentShape(doc: unknown): DocumentShape {
  if (
    !isRecord(doc) ||
    doc.Version !== '2012-10-17' ||
    !Object.keys(doc).every((k) => k === 'Version' || k === 'Statement')
  ) {
    return 'other';
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  if (statements.every((s) => isStatement(s, false))) return 'identity';
  if (statements.every((s) => isStatement(s, true))) return 'resource-control';
  return 'other';
}

function isStatement(s: unknown, resourceControl: boolean): boolean {
  if (!isRecord(s)) return false;
  for (const [key, value] of Object.entries(s)) {
    if (key === 'Principal' && resourceControl) {
      if (value !== '*' && !(isRecord(value) && Object.values(value).every(isStrings))) return false;
    } else if (key === 'Condition') {
      if (!isCondition(value)) return false;
    } else if (!STATEMENT_KEYS.has(key) || (key === 'NotAction' && resourceControl)) {
      return false;
    } else if (key === 'Effect' ? !isEffect(value, resourceControl) : !isStrings(value)) {
      return false;
    }
  }
  return 'Effect' in s && (!resourceControl || 'Principal' in s);
}

function isEffect(value: unknown, resourceControl: boolean): boolean {
  return value === 'Deny' || (value === 'Allow' && !resourceControl);
}

function isStrings(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

function isCondition(value: unknown): boolean {
  const scalar = (v: unknown): boolean =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  return (
    isRecord(value) &&
    Object.values(value).every(
      (block) =>
        isRecord(block) &&
        Object.values(block).every((v) => scalar(v) || (Array.isArray(v) && v.every(scalar))),
    )
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
