import { LIMITS } from '../../limits.ts';
import { describeCharacters, LIMITS_NOTE, quoted } from '../messages.ts';
import { keySegment } from '../paths.ts';
import { PATTERNS } from '../patterns.ts';
import { defineRule } from '../rule.ts';
import { taggedResources } from '../tagged.ts';

const max = LIMITS.organizations.maxTagKeyLength;

export const tagKey = defineRule(
  {
    code: 'tag-key',
    severity: 'error',
    description: `Tag keys are 1–${max} characters of letters, digits, spaces and _.:/=+-@.`,
  },
  (ctx) =>
    taggedResources(ctx).flatMap((r) =>
      Object.keys(r.tags).flatMap((key) => {
        const problem =
          key.length === 0 || key.length > max
            ? `is ${key.length} characters; AWS allows 1–${max} ${LIMITS_NOTE}`
            : PATTERNS.tag.test(key)
              ? undefined
              : `contains ${describeCharacters([...key].filter((ch) => !PATTERNS.tag.test(ch)))}; only letters, digits, spaces and _.:/=+-@ are allowed`;
        if (!problem) return [];
        return [
          {
            message: `${r.label} tag key ${quoted(key)} ${problem}.`,
            path: `${r.path}.tags${keySegment(key)}`,
            site: r.site,
            value: key,
            fix: `Rename the tag key to 1–${max} characters from letters, digits, spaces and _.:/=+-@, e.g. "${key.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '-').slice(0, max) || 'Owner'}".`,
          },
        ];
      }),
    ),
);
