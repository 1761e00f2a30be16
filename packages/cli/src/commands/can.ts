import { escapeControls } from '@orgops/engine';
import { OrgopsError } from '@orgops/model';
import { type CanAnswer, can, parseAsker } from '@orgops/simulate';
import type { CommandContext, GlobalOptions } from '../command-context.ts';
import { EXIT } from '../exit-codes.ts';
import { organizationSource } from '../explain/organization-source.ts';

export interface CanOptions extends GlobalOptions {
  readonly account: string;
  readonly resource?: string;
  readonly resourceAccount?: string;
  /** `aws:RequestedRegion` (not `--region`, which is the AWS backend's). */
  readonly requestRegion?: string;
  readonly context?: readonly string[];
  readonly format: string;
  readonly live: boolean;
}

/**
 * `orgops can PRINCIPAL ACTION --account ACCOUNT`: simulated with the account's SCP chain, the
 * resource account's RCP chain and the permission sets' real policies. Exit 0 when allowed, 2
 * when not (a decision, not an error), 1 on an error.
 */
export async function canCommand(
  ctx: CommandContext,
  principal: string,
  action: string,
  options: CanOptions,
): Promise<number> {
  if (!['text', 'json'].includes(options.format))
    throw new OrgopsError('bad-format', `Unknown --format '${options.format}'. Use one of: text, json.`);
  const asker = parseAsker(principal);
  const context = parseContext(options.context ?? []);
  const source = await organizationSource(ctx, options, options.live);
  const answer = await can(source.desired, source.simulator, {
    asker,
    action,
    account: options.account,
    ...(options.resource !== undefined ? { resource: options.resource } : {}),
    ...(options.resourceAccount !== undefined ? { resourceAccount: options.resourceAccount } : {}),
    ...(options.requestRegion !== undefined ? { region: options.requestRegion } : {}),
    ...(Object.keys(context).length > 0 ? { context } : {}),
  });
  if (options.format === 'json') {
    ctx.io.out(
      JSON.stringify(
        {
          question: { principal, action, ...options, context },
          source: source.live ? 'live' : 'config',
          ...answer,
        },
        (key, value) =>
          ['config', 'sandboxFile', 'profile', 'live', 'backend', 'region', 'ssoRegion', 'endpoint'].includes(
            key,
          )
            ? undefined
            : value,
        2,
      ),
    );
  } else {
    ctx.io.out(answerText(principal, action, answer, source.words));
  }
  return answer.allowed ? EXIT.ok : EXIT.changes;
}

function answerText(principal: string, action: string, a: CanAnswer, source: string): string {
  const lines = [
    `Can ${principal} do ${action} in ${a.account.name} (${a.account.id})? ${a.allowed ? 'Yes.' : 'No.'}`,
  ];
  if (a.reason) lines.push(`  ${a.reason}.`);
  for (const p of a.paths) lines.push(`  through ${p.through}: ${p.words}`);
  const first = a.paths.find((p) => p.result)?.result;
  if (a.account.placeholder)
    lines.push(
      `  (${a.account.id} stands in for the account id, which the config does not record; ask with --backend sandbox|aws for the real one.)`,
    );
  if (first) {
    lines.push(
      `Resource: ${first.resource}`,
      `Region: ${String(first.context['aws:RequestedRegion'] ?? '')}`,
    );
    if (first.ignoredContextKeys.length > 0)
      lines.push(`Context keys that do not apply to this request: ${first.ignoredContextKeys.join(', ')}`);
  }
  lines.push(`From ${source}.`);
  return lines.map(escapeControls).join('\n');
}

/** `--context key=value` (repeatable): request context a guardrail's condition reads. */
function parseContext(pairs: readonly string[]): Record<string, string> {
  const context: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0)
      throw new OrgopsError(
        'can-context-invalid',
        `--context "${pair}" is not key=value; write e.g. --context aws:PrincipalTag/team=payments.`,
      );
    context[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return context;
}
