import { isQuarantineTag } from '@orgops/model';
import type { ImportedOrganization } from './imported-organization.ts';
import type { ImportedQuarantine } from './imported-quarantine.ts';
import { SourceFile } from './source-file.ts';
import { arr, type Code, call, obj, raw, str, tagsCode } from './ts-code.ts';

export const FILES = {
  index: 'index.ts',
  organization: 'organization.ts',
  accounts: 'accounts.ts',
  policies: 'policies.ts',
  identityCenter: 'identity-center.ts',
  assignments: 'assignments.ts',
  services: 'services.ts',
} as const;

export const local = (file: string): string => `./${file}`;

/** `policies: [...]` of a target, importing each reference; `undefined` when the list is empty. */
function policyList(file: SourceFile, idents: readonly string[]): Code | undefined {
  if (!idents.length) return undefined;
  for (const ident of idents) {
    if (ident === 'FullAWSAccess') file.model(ident);
    else file.local(local(FILES.policies), ident);
  }
  return arr(idents.map(raw));
}

/** organization.ts: the root and the OU tree, parents first. */
export function emitOrganization(org: ImportedOrganization): SourceFile {
  const file = new SourceFile(FILES.organization).model('organizationRoot');
  const rootPolicies = policyList(file, org.rootPolicies);
  file.exportConst(
    'root',
    rootPolicies ? call('organizationRoot', obj([['policies', rootPolicies]])) : call('organizationRoot'),
  );
  for (const ou of org.ous) {
    file.model('organizationalUnit');
    const options = obj([
      ['parent', raw(ou.parentIdent)],
      ['tags', tagsCode(ou.ou.tags)],
      ['policies', policyList(file, ou.policies)],
    ]);
    file.exportConst(ou.ident, call('organizationalUnit', str(ou.ou.name), options), {
      comment: [`${ou.path} (${ou.ou.id})`],
    });
  }
  file.exportConst('organizationalUnits', arr(org.ous.map((ou) => raw(ou.ident))));
  return file;
}

/**
 * accounts.ts: every active account, the management account first. A quarantine record in an
 * account's tags is its quarantine entry, never a tag of config (config may not set those keys).
 */
export function emitAccounts(org: ImportedOrganization, quarantine?: ImportedQuarantine): SourceFile {
  const file = new SourceFile(FILES.accounts);
  for (const a of org.accounts) {
    file.local(local(FILES.organization), a.parentIdent);
    const own = Object.fromEntries(Object.entries(a.account.tags).filter(([k]) => !isQuarantineTag(k)));
    const entry = quarantine?.entries.get(a.account.id);
    const fields: [string, Code | undefined][] = [
      ['name', str(a.account.name)],
      ['email', str(a.account.email)],
      ['id', str(a.account.id)],
      ['parent', raw(a.parentIdent)],
      ['tags', tagsCode(own)],
    ];
    if (entry) {
      fields.push([
        'quarantine',
        obj(
          [
            ['reason', str(entry.reason)],
            ['at', entry.at !== undefined ? str(entry.at) : undefined],
            ['by', entry.by !== undefined ? str(entry.by) : undefined],
          ],
          true,
        ),
      ]);
    }
    const policies = policyList(file, a.policies);
    if (a.management) {
      file.model('managementAccount');
      const management = call('managementAccount', obj(fields));
      // managementAccount() takes no policies: keep the live attachments by overriding its list.
      const code = policies
        ? obj([
            [null, management],
            ['policies', policies],
          ])
        : management;
      const comment = policies
        ? [
            'The management account. SCPs never apply to it; these are its live attachments, kept as they are.',
          ]
        : ['The management account. SCPs never apply to it.'];
      file.exportConst(a.ident, code, { comment });
    } else {
      file.model('account');
      file.exportConst(a.ident, call('account', obj([...fields, ['policies', policies]])));
    }
  }
  file.exportConst('accounts', arr(org.accounts.map((a) => raw(a.ident))));
  return file;
}
