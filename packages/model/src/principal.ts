import { captureSite, type Site } from './site.ts';

/** An identity-store principal, referenced by display name (groups) or user name (users). */
export interface Principal {
  readonly kind: 'principal';
  readonly type: 'GROUP' | 'USER';
  readonly name: string;
  readonly site?: Site;
}

/**
 * An identity-store group by display name. Assign permission sets to groups: membership is then
 * managed in the identity provider, and access reviews stay about roles, not people.
 *
 * @example
 * export const developers = group('Developers');
 */
export function group(displayName: string): Principal {
  return { kind: 'principal', type: 'GROUP', name: displayName, site: captureSite() };
}

/** An identity-store user by user name. Prefer groups; `orgops lint` reports user assignments (`assignment-to-user`). */
export function user(userName: string): Principal {
  return { kind: 'principal', type: 'USER', name: userName, site: captureSite() };
}

export function principalLabel(p: { readonly type: 'GROUP' | 'USER'; readonly name: string }): string {
  return `${p.type === 'GROUP' ? 'group' : 'user'} ${p.name}`;
}
