import { type MermaidEdge, type MermaidNode, mdCode, mdText, mermaidFlowchart } from '@orgops/engine';
import type {
  AccountExplanation,
  Explanation,
  PermissionSetExplanation,
  PolicyExplanation,
  PrincipalExplanation,
} from '@orgops/simulate';
import { accountsWords, summaryWithoutType } from './explain-text.ts';

const LEVEL_WORDS = { admin: 'admin-equivalent', 'power-user': 'power-user' } as const;

/**
 * The markdown view (a pull request, an issue, a wiki page): names are inert data, and an
 * account's chain is drawn as a Mermaid flowchart, root to account, with the guardrails at each level.
 */
export function explanationMarkdown(e: Explanation, source: string): string {
  const lines =
    e.kind === 'account' ? account(e) : e.kind === 'permission-set' ? permissionSet(e) : principal(e);
  return [...lines, '', `_From ${mdText(source)}._`, ''].join('\n');
}

function account(e: AccountExplanation): string[] {
  const a = e.account;
  const out = [
    `### Account ${mdCode(a.name)} in ${mdCode(a.ouPath)}`,
    '',
    `${mdCode(a.email)}${a.id ? ` · ${mdCode(a.id)}` : ''}`,
    '',
  ];
  if (e.management)
    out.push('> **Management account:** no SCP or RCP applies here, whatever is attached on its path.', '');
  out.push(chainDiagram(e), '', '#### Guardrails, root first', '');
  for (const level of e.levels) {
    const policies = [
      ...level.serviceControlPolicies,
      ...level.resourceControlPolicies,
      ...level.otherPolicies,
    ];
    out.push(`- **${mdText(level.label)}**`);
    for (const p of policies) out.push(...policyLines(p, '  '));
  }
  out.push('');
  if (e.allowedRegions)
    out.push(`**Regions allowed:** ${e.allowedRegions.map((r) => mdCode(r)).join(', ') || 'none'}`, '');
  if (e.exemptions.length > 0) {
    out.push('**Exempt from guardrails:**', '');
    for (const x of e.exemptions)
      out.push(`- ${mdCode(x.principal)} (from ${x.denies} Deny statement${x.denies === 1 ? '' : 's'})`);
    out.push('');
  }
  out.push('#### Who has access', '');
  if (e.access.length === 0) out.push('Nobody: no permission set is assigned in this account.');
  else {
    out.push('| Principal | Permission set | Grants |', '| --- | --- | --- |');
    for (const x of e.access)
      out.push(
        `| ${x.principal.type === 'GROUP' ? 'group' : 'user'} ${mdCode(x.principal.name, { inTable: true })} | ${mdCode(x.permissionSet, { inTable: true })} | ${mdText(x.grants)}${x.level ? ` **${LEVEL_WORDS[x.level]}**` : ''} |`,
      );
  }
  return out;
}

function policyLines(p: PolicyExplanation, indent: string): string[] {
  if (p.statements.length === 0)
    return [`${indent}- ${mdText(p.typeLabel)} ${mdCode(p.name)}: ${mdText(summaryWithoutType(p.summary))}`];
  return [
    `${indent}- ${mdText(p.typeLabel)} ${mdCode(p.name)}`,
    ...p.statements.map((s) => `${indent}  - ${mdText(s.sentence)}${s.sid ? ` (${mdCode(s.sid)})` : ''}`),
  ];
}

/** Root → OUs → account, each box listing what is attached there. */
export function chainDiagram(e: AccountExplanation): string {
  const nodes: MermaidNode[] = e.levels.map((level, i) => {
    const scps = level.serviceControlPolicies.map((p) => p.name);
    const rcps = level.resourceControlPolicies.map((p) => p.name);
    const others = level.otherPolicies.map((p) => `${p.typeLabel} ${p.name}`);
    const last = i === e.levels.length - 1;
    return {
      id: `l${i}`,
      lines: [
        last ? `${e.account.name}${e.management ? ' (management: no SCP or RCP applies)' : ''}` : level.label,
        ...(scps.length ? [`SCP: ${scps.join(', ')}`] : []),
        ...(rcps.length ? [`RCP: ${rcps.join(', ')}`] : []),
        ...others,
      ],
      ...(last ? { shape: 'stadium' as const, style: 'changed' as const } : {}),
    };
  });
  const edges: MermaidEdge[] = nodes.slice(1).map((n, i) => ({ from: `l${i}`, to: n.id }));
  return mermaidFlowchart(nodes, edges);
}

function permissionSet(e: PermissionSetExplanation): string[] {
  const out = [
    `### Permission set ${mdCode(e.name)}${e.level ? ` (**${LEVEL_WORDS[e.level]}**)` : ''}`,
    '',
    `${mdText(e.grants)}${e.description ? ` — ${mdText(e.description)}` : ''}`,
    '',
  ];
  if (e.inlinePolicy) out.push('**Inline policy:**', '', ...policyLines(e.inlinePolicy, '').slice(1), '');
  out.push('**Paths to admin it opens:**', '');
  if (e.escalation.length === 0) out.push('None found.');
  for (const g of e.escalation)
    out.push(
      `- ${mdText(g.words)}: ${mdCode(g.grantedBy)} in ${mdText(g.source)}${g.managementOnly ? ' (in the management account)' : ''}`,
    );
  if (e.unread.length > 0) out.push(`- not read: ${e.unread.map((u) => mdCode(u)).join(', ')}`);
  out.push('', '**Where it reaches:**', '');
  if (e.reach.length === 0) out.push('Nowhere: it is not assigned.');
  for (const r of e.reach)
    out.push(
      `- ${r.principal.type === 'GROUP' ? 'group' : 'user'} ${mdCode(r.principal.name)} in ${mdText(accountsWords(r.accounts))}`,
    );
  return out;
}

function principal(e: PrincipalExplanation): string[] {
  const who = `${e.principal.type === 'GROUP' ? 'group' : 'user'} ${mdCode(e.principal.name)}`;
  if (e.access.length === 0) return [`### ${who}`, '', 'Holds no permission set in any account.'];
  return [
    `### ${who}`,
    '',
    ...e.access.map(
      (a) =>
        `- ${mdCode(a.permissionSet)} (${mdText(a.grants)})${a.level ? ` **${LEVEL_WORDS[a.level]}**` : ''} in ${mdText(accountsWords(a.accounts))}`,
    ),
  ];
}
