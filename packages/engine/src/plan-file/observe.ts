import { canonicalizeJsonText, canonicalJson, joinOuPath } from '@orgops/model';
import type { Snapshot } from '../snapshot.ts';
import { sha256Hex } from './sha256.ts';

/**
 * What a snapshot says about the object at an address, as plain data; `null` when absent. The
 * plan stores a digest of it, and apply compares against a fresh read: any difference means the
 * plan was made against a world that no longer exists.
 */
export function observe(snapshot: Snapshot, addr: string): unknown {
  const slash = addr.indexOf('/');
  const kind = addr.slice(0, slash);
  const rest = addr.slice(slash + 1);
  const paths = ouPaths(snapshot);
  const accountByEmail = (email: string) => snapshot.accounts.find((a) => a.email.toLowerCase() === email);
  switch (kind) {
    case 'policy-type':
      return snapshot.root.policyTypes.find((t) => t.type === rest)?.status ?? null;
    case 'trusted-service':
      return snapshot.trustedServices.includes(rest);
    case 'delegated-admin': {
      const [service, email] = splitOnce(rest, '/');
      const acct = accountByEmail(email);
      return snapshot.delegatedAdministrators.some(
        (d) => d.servicePrincipal === service && d.accountId === acct?.id,
      );
    }
    case 'ou': {
      const path = `/${rest}`;
      const ou = snapshot.ous.find((o) => paths.get(o.id) === path);
      return ou ? { id: ou.id, tags: ou.tags } : null;
    }
    case 'account': {
      const a = accountByEmail(rest);
      return a
        ? {
            id: a.id,
            name: a.name,
            state: a.state,
            parent: paths.get(a.parentId) ?? a.parentId,
            tags: a.tags,
          }
        : null;
    }
    case 'policy': {
      const [type, name] = splitOnce(rest, '/');
      const p = snapshot.policies.find((x) => x.type === type && x.name === name);
      return p
        ? { id: p.id, description: p.description, content: canonicalizeJsonText(p.content), tags: p.tags }
        : null;
    }
    case 'attachment': {
      const [typeAndName, target] = splitTarget(rest);
      const [type, name] = splitOnce(typeAndName, '/');
      const id =
        target === '/'
          ? snapshot.root.id
          : target.startsWith('account:')
            ? accountByEmail(target.slice('account:'.length))?.id
            : [...paths].find(([, p]) => p === target)?.[0];
      const p = snapshot.policies.find((x) => x.type === type && x.name === name);
      return { target: id ?? null, attached: Boolean(id && p?.targets.includes(id)) };
    }
    case 'permission-set':
    case 'provision': {
      const ps = snapshot.identityCenter?.permissionSets.find((x) => x.name === rest);
      if (!ps) return null;
      const { provisionedTo, outdatedIn, ...fields } = ps;
      return kind === 'provision'
        ? { arn: ps.arn, provisionedTo: [...provisionedTo].sort(), outdatedIn: [...outdatedIn].sort() }
        : {
            ...fields,
            inlinePolicy: fields.inlinePolicy ? canonicalizeJsonText(fields.inlinePolicy) : undefined,
          };
    }
    case 'assignment': {
      // assignment/<TYPE>:<name>/<permission set>/<email>; names may not contain '/', emails cannot.
      const [principal, tail] = splitOnce(rest, '/');
      const lastSlash = tail.lastIndexOf('/');
      const psName = tail.slice(0, lastSlash);
      const email = tail.slice(lastSlash + 1);
      const [type, name] = splitOnce(principal, ':');
      const ic = snapshot.identityCenter;
      // A principal deleted from the identity store is addressed by its id.
      const pid =
        ic?.principals.find((p) => p.type === type && p.name === name)?.id ??
        ic?.assignments.find((a) => a.principalType === type && a.principalId === name)?.principalId;
      const arn = ic?.permissionSets.find((p) => p.name === psName)?.arn;
      const acct = accountByEmail(email);
      return {
        principal: pid ?? null,
        assigned: Boolean(
          ic?.assignments.some(
            (a) =>
              a.principalId === pid &&
              a.permissionSetArn === arn &&
              a.accountId === acct?.id &&
              a.principalType === type,
          ),
        ),
      };
    }
    default:
      return { unknownAddress: addr };
  }
}

/** Short, stable digest of the observed object at an address. */
export function observedDigest(snapshot: Snapshot, addr: string): string {
  return sha256Hex(canonicalJson(observe(snapshot, addr) ?? null)).slice(0, 16);
}

/**
 * `<type>/<name>@<target>`: the target is `/`, an OU path (starts with `/`) or `account:<email>`.
 * A policy name may contain `@` and an email always does, so split at the first `@` that starts a
 * well-formed target.
 */
function splitTarget(rest: string): [string, string] {
  for (let at = rest.indexOf('@'); at >= 0; at = rest.indexOf('@', at + 1)) {
    const target = rest.slice(at + 1);
    if (target.startsWith('/') || /^account:[^@]+@[^@]+$/.test(target)) return [rest.slice(0, at), target];
  }
  const at = rest.lastIndexOf('@');
  return [rest.slice(0, at), rest.slice(at + 1)];
}

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

function ouPaths(snapshot: Snapshot): Map<string, string> {
  const byId = new Map(snapshot.ous.map((o) => [o.id, o]));
  const paths = new Map<string, string>([[snapshot.root.id, '/']]);
  const resolve = (id: string, guard = 0): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const ou = byId.get(id);
    if (!ou || guard > 10) return '/?';
    const p = joinOuPath(resolve(ou.parentId, guard + 1), ou.name);
    paths.set(id, p);
    return p;
  };
  for (const o of snapshot.ous) resolve(o.id);
  return paths;
}
