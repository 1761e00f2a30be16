import { LIMITS } from '../../limits.ts';
import { LIMITS_NOTE } from '../messages.ts';
import { keySegment } from '../paths.ts';
import { PATTERNS } from '../patterns.ts';
import { defineRule } from '../rule.ts';
import { taggedResources } from '../tagged.ts';

const max = LIMITS.organizations.maxTagValueLength;

export const tagValue = defineRule(
  {
    code: 'tag-value',
    severity: 'error',
    description: `Tag values are 0–${max} characters of letters, digits, spaces and _.:/=+-@.`,
  },
  (ctx) =>
    taggedResources(ctx).flatMap((r) =>
      Object.entries(r.tags).flatMap(([key, value]) => {
        const problem =
          value.length > max
            ? `is ${value.length} characters; AWS allows at most ${max} ${LIMITS_NOTE}`
            : PATTERNS.tag.test(value)
              ? undefined
              : 'contains characters other than letters, digits, spaces and _.:/=+-@';
        if (!problem) return [];
        return [
          {
            message: `${r.label} tag "${key}" value "${value.length > 60 ? `${value.slice(0, 60)}…` : value}" ${problem}.`,
            path: `${r.path}.tags${keySegment(key)}`,
            site: r.site,
            value,
            fix: `Use a value of at most ${max} characters from letters, digits, spaces and _.:/=+-@ (no commas or quotes), e.g. "${value.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '-').slice(0, max)}".`,
          },
        ];
      }),
    ),
);
