import { FILES, local } from './emit-organization.ts';
import type { ImportedIdentityCenter } from './imported-identity-center.ts';
import type { ImportedOrganization } from './imported-organization.ts';
import type { ImportedQuarantine } from './imported-quarantine.ts';
import { SourceFile } from './source-file.ts';
import { arr, type Code, call, obj, raw, str } from './ts-code.ts';

/** index.ts: wires the other files into `defineOrganization`. */
export function emitIndex(
  org: ImportedOrganization,
  ic: ImportedIdentityCenter,
  emitted: ReadonlySet<string>,
  ignoredServices: readonly string[],
  quarantine?: ImportedQuarantine,
): SourceFile {
  const file = new SourceFile(FILES.index).model('defineOrganization');
  file.local(local(FILES.organization), 'root', 'organizationalUnits');
  file.local(local(FILES.accounts), 'accounts');

  const unattached = org.policies.filter((p) => !p.attached).map((p) => p.ident);
  if (unattached.length) file.local(local(FILES.policies), ...unattached);
  if (org.fullAccessDefault) file.model('FullAWSAccess');
  const fromFile = (name: string, path: string): Code | undefined => {
    if (!emitted.has(path)) return undefined;
    file.local(local(path), name);
    return raw(name);
  };
  let quarantineCode: Code | undefined;
  if (quarantine) {
    file.model('defineQuarantine');
    file.local(local(FILES.organization), quarantine.ouIdent);
    file.local(local(FILES.policies), ...quarantine.guardrails);
    quarantineCode = call(
      'defineQuarantine',
      obj([
        ['organizationalUnit', raw(quarantine.ouIdent)],
        ['guardrails', arr(quarantine.guardrails.map(raw))],
      ]),
    );
  }
  const ignore = obj([
    ['policies', org.ignoredPolicyPatterns.length ? arr(org.ignoredPolicyPatterns.map(str)) : undefined],
    [
      'permissionSets',
      ic.ignoredPermissionSetPatterns.length ? arr(ic.ignoredPermissionSetPatterns.map(str)) : undefined,
    ],
    ['trustedServices', ignoredServices.length ? arr(ignoredServices.map(str)) : undefined],
  ]);

  const config = obj(
    [
      ['policyTypes', arr(org.policyTypes.map(str))],
      ['root', raw('root')],
      ['organizationalUnits', raw('organizationalUnits')],
      ['accounts', raw('accounts')],
      ['policies', unattached.length ? arr(unattached.map(raw)) : undefined],
      [
        'defaultPolicies',
        org.fullAccessDefault ? obj([['SERVICE_CONTROL_POLICY', arr([raw('FullAWSAccess')])]]) : undefined,
      ],
      [
        'permissionSets',
        ic.permissionSets.length ? fromFile('permissionSets', FILES.identityCenter) : undefined,
      ],
      ['assignments', fromFile('assignments', FILES.assignments)],
      ['trustedServices', fromFile('trustedServices', FILES.services)],
      ['quarantine', quarantineCode],
      ['ignore', ignore.kind === 'object' && ignore.entries.length ? ignore : undefined],
    ],
    true,
  );
  file.exportDefault(call('defineOrganization', config));
  return file;
}
