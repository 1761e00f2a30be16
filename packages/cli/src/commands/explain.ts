import { OrgopsError } from '@orgops/model';
import {
  type Explanation,
  explainAccount,
  explainPermissionSet,
  explainPrincipal,
  loadManagedDocuments,
  resolveSubject,
} from '@orgops/simulate';
import type { CommandContext, GlobalOptions } from '../command-context.ts';
import { EXIT } from '../exit-codes.ts';
import { explanationMarkdown } from '../explain/explain-markdown.ts';
import { explanationText } from '../explain/explain-text.ts';
import { organizationSource } from '../explain/organization-source.ts';

export interface ExplainOptions extends GlobalOptions {
  readonly format: string;
  /** Read the live organization (the user passed --backend) instead of the config. */
  readonly live: boolean;
}

/**
 * `orgops explain SUBJECT`: for an account, every guardrail in force (root → OUs → account) in
 * words and who can sign in with what; for a permission set, what it grants and where it reaches;
 * for a group or user, what it holds where.
 */
export async function explainCommand(
  ctx: CommandContext,
  subject: string,
  options: ExplainOptions,
): Promise<number> {
  const format = options.format;
  if (!['text', 'markdown', 'json'].includes(format))
    throw new OrgopsError('bad-format', `Unknown --format '${format}'. Use one of: text, markdown, json.`);
  const source = await organizationSource(ctx, options, options.live);
  const { desired, simulator } = source;
  const what = resolveSubject(desired, simulator.identity, subject);
  let e: Explanation;
  if (what.kind === 'account') e = explainAccount(desired, simulator.identity, what.ref);
  else if (what.kind === 'principal') e = explainPrincipal(desired, { type: what.type, name: what.name });
  else {
    const ps = desired.permissionSets.find((p) => p.name === what.name);
    const documents = await loadManagedDocuments([
      ...(ps?.managedPolicies ?? []),
      ...(ps?.permissionsBoundary && 'managedPolicyArn' in ps.permissionsBoundary
        ? [ps.permissionsBoundary.managedPolicyArn]
        : []),
    ]);
    e = explainPermissionSet(desired, what.name, documents);
  }
  if (format === 'json')
    ctx.io.out(JSON.stringify({ source: source.live ? 'live' : 'config', ...e }, null, 2));
  else if (format === 'markdown') ctx.io.out(explanationMarkdown(e, source.words));
  else ctx.io.out(explanationText(e, source.words));
  return EXIT.ok;
}
