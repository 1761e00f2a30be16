/**
 * Canonical JSON: object keys sorted, no whitespace. Used to compare policy documents without
 * ordering noise (the false drift that Terraform users keep reporting, TF#45975) and as the
 * minified text sent to AWS, whose size limits count every character sent.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    // A null prototype keeps a `__proto__` key as data instead of setting the prototype.
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Parses JSON text and re-emits it canonically; returns the input unchanged if it is not JSON. */
export function canonicalizeJsonText(text: string): string {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return text;
  }
}
