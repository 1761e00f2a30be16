import { QUARANTINE_TAG_PREFIX } from '../../quarantine-tags.ts';
import { quoted } from '../messages.ts';
import { accountPath, keySegment } from '../paths.ts';
import { defineRule } from '../rule.ts';

export const accountQuarantineTags = defineRule(
  {
    code: 'account-quarantine-tags',
    severity: 'error',
    description: `Account tags do not use the keys \`orgops quarantine\` writes (\`${QUARANTINE_TAG_PREFIX}*\`).`,
  },
  ({ collected }) =>
    collected.accounts.flatMap((a) =>
      Object.keys(a.tags ?? {})
        .filter((key) => key.startsWith(QUARANTINE_TAG_PREFIX))
        .map((key) => ({
          message: `Account "${a.name}" sets tag ${quoted(key)}, a key that belongs to the quarantine record; config would fight \`orgops quarantine\` over it.`,
          path: `${accountPath(a)}.tags${keySegment(key)}`,
          site: a.site,
          value: key,
          fix: 'Remove the tag: record a quarantine with `quarantine: { reason }` on the account (or `orgops quarantine`), never with tags.',
        })),
    ),
);
