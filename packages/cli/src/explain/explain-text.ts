import { escapeControls } from '@orgops/engine';
import type {
  AccountExplanation,
  AccountPlace,
  Explanation,
  PermissionSetExplanation,
  PolicyExplanation,
  PrincipalExplanation,
} from '@orgops/simulate';

/** Accounts named in one line before the rest are counted. */
const ACCOUNTS_SHOWN = 12;
const LEVEL_WORDS = { admin: 'admin-equivalent', 'power-user': 'power-user' } as const;

/** The terminal view of an explanation; every name is data (control characters made visible). */
export function explanationText(e: Explanation, source: string): string {
  const lines =
    e.kind === 'account'
      ? accountLines(e)
      : e.kind === 'permission-set'
        ? permissionSetLines(e)
        : principalLines(e);
  return [...lines, '', `From ${source}.`].map(escapeControls).join('\n');
}

function accountLines(e: AccountExplanation): string[] {
  const a = e.account;
  const lines = [`Account ${a.name} (${[a.email, a.id].filter(Boolean).join(', ')}) in ${a.ouPath}`];
  const tags = Object.entries(a.tags).map(([k, v]) => `${k}=${v}`);
  if (tags.length > 0) lines.push(`Tags: ${tags.join(', ')}`);
  lines.push('');
  if (e.management) {
    lines.push(
      'This is the management account: no SCP or RCP applies to it, whatever is attached on its path.',
      'Its protection is who may sign in here (below) and the pipeline; keep access to it small.',
      '',
    );
  }
  lines.push(
    'Guardrails from the root down (an action needs an Allow at every level; a Deny at any level wins):',
  );
  for (const level of e.levels) {
    lines.push(`  ${level.label}`);
    for (const p of [
      ...level.serviceControlPolicies,
      ...level.resourceControlPolicies,
      ...level.otherPolicies,
    ])
      lines.push(...policyLines(p, '    '));
  }
  lines.push('');
  if (e.allowedRegions)
    lines.push(
      `Regions allowed: ${e.allowedRegions.join(', ') || 'none (the Region rules allow no Region in common)'}`,
    );
  if (e.exemptions.length > 0) {
    lines.push('Exempt from guardrails:');
    for (const x of e.exemptions)
      lines.push(`  ${x.principal} (from ${x.denies} Deny statement${x.denies === 1 ? '' : 's'})`);
  }
  lines.push('', 'Who has access (principal -> permission set):');
  if (e.access.length === 0) lines.push('  nobody: no permission set is assigned in this account');
  for (const x of e.access) {
    const level = x.level ? ` [${LEVEL_WORDS[x.level]}]` : '';
    lines.push(
      `  ${x.principal.type.toLowerCase()} ${x.principal.name} -> ${x.permissionSet} (${x.grants})${level}`,
    );
  }
  return lines;
}

function policyLines(p: PolicyExplanation, indent: string): string[] {
  if (p.statements.length === 0)
    return [`${indent}${p.typeLabel} ${p.name}: ${summaryWithoutType(p.summary)}`];
  return [
    `${indent}${p.typeLabel} ${p.name}`,
    ...p.statements.map((s) => `${indent}  - ${s.sentence}${s.sid ? ` [${s.sid}]` : ''}`),
  ];
}

function permissionSetLines(e: PermissionSetExplanation): string[] {
  const level = e.level ? ` [${LEVEL_WORDS[e.level]}]` : '';
  const lines = [`Permission set ${e.name}: ${e.grants}${level}`];
  if (e.description) lines.push(`Description: ${e.description}`);
  lines.push(`Sessions: ${e.sessionDuration}`);
  if (e.managedPolicies.length > 0) lines.push(`AWS managed policies: ${e.managedPolicies.join(', ')}`);
  if (e.customerManagedPolicies.length > 0)
    lines.push(
      `Customer managed policies (documents live in each account): ${e.customerManagedPolicies.join(', ')}`,
    );
  if (e.permissionsBoundary) lines.push(`Permissions boundary: ${e.permissionsBoundary}`);
  if (e.inlinePolicy) lines.push(...policyLines(e.inlinePolicy, ''));
  lines.push('', 'Paths to admin it opens:');
  if (e.escalation.length === 0) lines.push('  none found');
  for (const g of e.escalation)
    lines.push(
      `  ${g.words}: ${g.grantedBy} in ${g.source}${g.managementOnly ? ' (matters in the management account)' : ''}`,
    );
  if (e.unread.length > 0)
    lines.push(`  not read (not in the AWS managed policy catalogue): ${e.unread.join(', ')}`);
  lines.push('', 'Where it reaches:');
  if (e.reach.length === 0) lines.push('  nowhere: it is not assigned');
  for (const r of e.reach)
    lines.push(`  ${r.principal.type.toLowerCase()} ${r.principal.name} in ${accountsWords(r.accounts)}`);
  return lines;
}

function principalLines(e: PrincipalExplanation): string[] {
  const who = `${e.principal.type.toLowerCase()} ${e.principal.name}`;
  if (e.access.length === 0) return [`${who} holds no permission set in any account.`];
  return [
    `${who} holds:`,
    ...e.access.map(
      (a) =>
        `  ${a.permissionSet} (${a.grants})${a.level ? ` [${LEVEL_WORDS[a.level]}]` : ''} in ${accountsWords(a.accounts)}`,
    ),
  ];
}

/** A policy's summary without its leading type ("tag policy: tags (…)" → "tags (…)"): the line names the type. */
export function summaryWithoutType(summary: string): string {
  return summary.replace(/^[^,:]+[,:] ?/, '');
}

export function accountsWords(accounts: readonly AccountPlace[]): string {
  const shown = accounts.slice(0, ACCOUNTS_SHOWN).map((a) => `${a.name} (${a.ouPath})`);
  const more = accounts.length > ACCOUNTS_SHOWN ? `, and ${accounts.length - ACCOUNTS_SHOWN} more` : '';
  return `${accounts.length} account${accounts.length === 1 ? '' : 's'}: ${shown.join(', ')}${more}`;
}
