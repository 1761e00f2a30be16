import { LIMITS } from '../../limits.ts';
import { describeCharacters, LIMITS_NOTE, quoted } from '../messages.ts';
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
              : `contains ${describeCharacters([...value].filter((ch) => !PATTERNS.tag.test(ch)))}; only letters, digits, spaces and _.:/=+-@ are allowed`;
        if (!problem) return [];
        return [
          {
            message: `${r.label} tag ${quoted(key)} value ${quoted(value)} ${problem}.`,
            path: `${r.path}.tags${keySegment(key)}`,
            site: r.site,
            value,
            fix: `Use a value of at most ${max} characters from letters, digits, spaces and _.:/=+-@ (no commas or quotes), e.g. "${value.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '-').slice(0, max)}".`,
          },
        ];
      }),
    ),
);
