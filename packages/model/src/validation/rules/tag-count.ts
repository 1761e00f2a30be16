import { LIMITS } from '../../limits.ts';
import { LIMITS_NOTE } from '../messages.ts';
import { defineRule } from '../rule.ts';
import { taggedResources } from '../tagged.ts';

export const tagCount = defineRule(
  {
    code: 'tag-count',
    severity: 'error',
    description: `A resource has at most ${LIMITS.organizations.maxTagsPerResource} tags (Organizations) or ${LIMITS.identityCenter.maxTagsPerRequest} (Identity Center permission sets).`,
  },
  (ctx) =>
    taggedResources(ctx).flatMap((r) => {
      const count = Object.keys(r.tags).length;
      if (count <= r.maxTags) return [];
      return [
        {
          message: `${r.label} has ${count} tags; AWS allows at most ${r.maxTags} per resource ${LIMITS_NOTE}.`,
          path: `${r.path}.tags`,
          site: r.site,
          value: count,
          fix: `Keep at most ${r.maxTags} tags: drop tags nothing reads, or combine related values into one tag.`,
        },
      ];
    }),
);
