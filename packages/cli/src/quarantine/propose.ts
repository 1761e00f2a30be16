import { mdCode, mdText, type QuarantinePlan } from '@orgops/engine';
import {
  type ConfigChange,
  createGitHub,
  type OpenedPullRequest,
  openConfigPullRequest,
  type RepositoryEnv,
} from '@orgops/github';

/**
 * The pull request that records a quarantine in config: one commit with the account's entry.
 * Its branch name comes from the account and the quarantine's time, so a repeated run finds it.
 * Names and the reason come from people and from AWS: the body renders them inert.
 */
export function quarantineChange(
  env: RepositoryEnv,
  plan: QuarantinePlan,
  file: { readonly path: string; readonly before: string; readonly after: string },
  base: string | undefined,
): ConfigChange {
  const { account, entry } = plan;
  const stamp = entry.at.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const body = [
    `\`orgops quarantine\` contained ${mdText(account.name)} (${mdCode(account.id)}) in ${mdCode(plan.quarantinePath)}${plan.wasQuarantined ? ' earlier' : ''}: the account is already there, with the quarantine guardrails attached and its record in the tags.`,
    '',
    `- Reason: ${mdText(entry.reason)}`,
    `- When: ${mdCode(entry.at)}`,
    `- Who: ${mdCode(entry.by)}`,
    '',
    `This change records the quarantine on the account in ${mdCode(file.path)}, so config and the organization agree. **Merging it changes nothing in AWS**: the plan review on this pull request shows no changes and the account as held in quarantine. Until it is merged, every plan holds the account in quarantine anyway and says the config has not caught up.`,
    '',
    `Only \`release: { reason, quarantinedAt: '${entry.at}' }\` on the account lets it out again, as a high risk in the review.`,
  ].join('\n');
  return {
    owner: env.owner,
    repo: env.repo,
    ...(base !== undefined ? { base } : {}),
    branch: `orgops/quarantine-${account.id}-${stamp}`,
    path: file.path,
    before: file.before,
    after: file.after,
    commitMessage: `Quarantine ${account.name} (${account.id})\n\n${entry.reason}`,
    title: `Quarantine ${account.name} (${account.id})`,
    body,
  };
}

export async function proposeQuarantine(
  env: RepositoryEnv,
  change: ConfigChange,
  warn: (message: string) => void,
): Promise<OpenedPullRequest | undefined> {
  return openConfigPullRequest(createGitHub(env, { warn }), change);
}
