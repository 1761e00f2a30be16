/**
 * Turns AWS names into TypeScript identifiers that are valid, readable and unique across every
 * generated file (index.ts imports them all into one scope).
 */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval undefined NaN ' +
    'Infinity as async from of type satisfies'
  ).split(' '),
);

/** Names the generated files import from the model or declare themselves. */
const TAKEN = [
  'organizationRoot',
  'organizationalUnit',
  'account',
  'managementAccount',
  'serviceControlPolicy',
  'resourceControlPolicy',
  'policy',
  'FullAWSAccess',
  'permissionSet',
  'group',
  'user',
  'assign',
  'trustedService',
  'defineOrganization',
  'OrganizationPolicy',
  'IdentityPolicyDocument',
  'root',
  'organizationalUnits',
  'accounts',
  'permissionSets',
  'assignments',
  'trustedServices',
];

/** camelCase words of a name: `log-archive` -> `logArchive`, `AWSAdmins` -> `awsAdmins`, `Prod` -> `prod`. */
export function camelCase(name: string): string {
  // A few letters (Pattern_Syntax ones such as U+2E2F) cannot appear in an identifier at all.
  const usable = name.replace(/[\p{L}\p{Nd}]/gu, (c) => (/\p{ID_Continue}/u.test(c) ? c : ' '));
  const words = usable.split(/[^\p{L}\p{Nd}]+/u).filter(Boolean);
  return words.map((w, i) => (i === 0 ? lowerFirstWord(w) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

/** `Prod` -> `prod`, `AWS` -> `aws`, `AWSAdmins` -> `awsAdmins` (the last capital starts the next word). */
function lowerFirstWord(word: string): string {
  const caps = /^\p{Lu}*/u.exec(word)![0].length;
  if (caps === word.length) return word.toLowerCase();
  if (caps <= 1) return word.charAt(0).toLowerCase() + word.slice(1);
  const keep = /\p{Ll}/u.test(word.charAt(caps)) ? caps - 1 : caps;
  return word.slice(0, keep).toLowerCase() + word.slice(keep);
}

/** Hands out unique identifiers; the first claimant of a name gets it plain. */
export class Namer {
  private readonly used = new Set<string>(TAKEN);

  /**
   * The first free candidate, after making each a valid identifier (`kind` prefixes names that are
   * empty or start with a digit); falls back to numbering the first candidate.
   */
  claim(kind: string, candidates: readonly string[]): string {
    const valid = candidates.map((c) => this.valid(kind, camelCase(c)));
    for (const id of valid) {
      if (!this.used.has(id) && !RESERVED.has(id)) return this.take(id);
    }
    const base = valid[0] ?? kind;
    for (let n = 2; ; n++) {
      if (!this.used.has(`${base}${n}`)) return this.take(`${base}${n}`);
    }
  }

  private valid(kind: string, id: string): string {
    if (!id) return kind;
    return /^\p{Nd}/u.test(id) ? `${kind}${id.charAt(0).toUpperCase()}${id.slice(1)}` : id;
  }

  private take(id: string): string {
    this.used.add(id);
    return id;
  }
}
