import type { SnapshotPermissionSet } from '../snapshot.ts';
import { FILES, local } from './emit-organization.ts';
import type { ImportedIdentityCenter, ImportedPermissionSet } from './imported-identity-center.ts';
import { sortBy } from './imported-organization.ts';
import { documentShape } from './policy-shape.ts';
import { SourceFile } from './source-file.ts';
import { arr, type Code, call, jsonCode, obj, raw, str, suffix, tagsCode } from './ts-code.ts';

/** identity-center.ts: permission sets with every attribute, then the principals assignments use. */
export function emitIdentityCenter(ic: ImportedIdentityCenter, notes: string[]): SourceFile | undefined {
  if (!ic.permissionSets.length && !ic.principals.length) return undefined;
  const file = new SourceFile(FILES.identityCenter);
  if (ic.permissionSets.length) file.section('Permission sets');
  for (const ps of ic.permissionSets) {
    file
      .model('permissionSet')
      .exportConst(ps.ident, call('permissionSet', permissionSetOptions(file, ps, notes)));
  }
  file.exportConst('permissionSets', arr(ic.permissionSets.map((ps) => raw(ps.ident))));
  if (ic.principals.length)
    file.section('Principals (identity-store groups by display name, users by user name)');
  for (const { principal, ident } of ic.principals) {
    const builder = principal.type === 'GROUP' ? 'group' : 'user';
    file.model(builder).exportConst(ident, call(builder, str(principal.name)));
  }
  return file;
}

function permissionSetOptions(file: SourceFile, imported: ImportedPermissionSet, notes: string[]): Code {
  const ps = imported.permissionSet;
  return obj([
    ['name', str(ps.name)],
    ['description', ps.description ? str(ps.description) : undefined],
    ['sessionDuration', str(ps.sessionDuration)],
    ['relayState', ps.relayState ? str(ps.relayState) : undefined],
    ['inlinePolicy', inlinePolicy(file, imported, notes)],
    ['managedPolicies', ps.managedPolicies.length ? arr([...ps.managedPolicies].sort().map(str)) : undefined],
    [
      'customerManagedPolicies',
      ps.customerManagedPolicies.length
        ? arr(sortBy(ps.customerManagedPolicies, (r) => `${r.path || '/'}${r.name}`).map(policyReference))
        : undefined,
    ],
    ['permissionsBoundary', boundary(ps.permissionsBoundary)],
    ['tags', tagsCode(ps.tags)],
  ]);
}

function inlinePolicy(file: SourceFile, ps: ImportedPermissionSet, notes: string[]): Code | undefined {
  if (ps.inlinePolicy === undefined) return undefined;
  const literal = jsonCode(ps.inlinePolicy, 2);
  if (documentShape(ps.inlinePolicy) === 'identity') return literal;
  // Kept exactly as AWS has it; the cast only silences the typed document shape.
  notes.push(
    `The inline policy of permission set ${ps.permissionSet.name} does not fit the typed policy grammar; emitted with a cast.`,
  );
  file.modelType('IdentityPolicyDocument');
  return suffix(literal, ' as unknown as IdentityPolicyDocument');
}

function policyReference(ref: { readonly name: string; readonly path: string }): Code {
  return obj([
    ['name', str(ref.name)],
    ['path', ref.path && ref.path !== '/' ? str(ref.path) : undefined],
  ]);
}

function boundary(b: SnapshotPermissionSet['permissionsBoundary']): Code | undefined {
  if (!b) return undefined;
  if ('managedPolicyArn' in b) return obj([['managedPolicyArn', str(b.managedPolicyArn)]]);
  return obj([['customerManagedPolicy', policyReference(b.customerManagedPolicy)]]);
}

/** assignments.ts: one assign() per (principal, permission set), targets as OUs where they cover exactly. */
export function emitAssignments(
  ic: ImportedIdentityCenter,
  targetFile: (ident: string) => string,
): SourceFile | undefined {
  if (!ic.assignments.length) return undefined;
  const file = new SourceFile(FILES.assignments).model('assign');
  const items = ic.assignments.map((a) => {
    file.local(local(FILES.identityCenter), a.principalIdent, a.permissionSetIdent);
    for (const t of a.targets) file.local(local(targetFile(t)), t);
    return call('assign', raw(a.principalIdent), raw(a.permissionSetIdent), arr(a.targets.map(raw)));
  });
  file.exportConst('assignments', arr(items));
  return file;
}
