/**
 * IAM's wildcard matching, for reading policies without evaluating them: `*` matches any run of
 * characters and `?` one character. Actions are case-insensitive; ARNs match component by
 * component, as `ArnLike` does, so `role/*` never reaches across the account id.
 */

const cache = new Map<string, RegExp>();

function globRegExp(pattern: string, flags: string): RegExp {
  const key = `${flags}\u0000${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, flags);
    if (cache.size > 5000) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** `StringLike`: the whole string, case-sensitive. */
export function stringLike(pattern: string, value: string): boolean {
  return globRegExp(pattern, 's').test(value);
}

/** Whether an action pattern of a policy (`iam:*`, `s3:Get*`, `*`) covers an action. */
export function actionMatches(pattern: string, action: string): boolean {
  return globRegExp(pattern, 'is').test(action);
}

/**
 * `ArnLike`: each of the six colon-separated components on its own (the resource part keeps any
 * further colons). A pattern that is not an ARN matches as a plain string.
 */
export function arnLike(pattern: string, arn: string): boolean {
  const p = arnParts(pattern);
  const a = arnParts(arn);
  // An ARN-shaped pattern with fewer than six components matches no ARN.
  if (a && !p && pattern.startsWith('arn:')) return false;
  if (!p || !a) return stringLike(pattern, arn);
  return p.every((part, i) => stringLike(part, a[i] ?? ''));
}

function arnParts(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}
