import { closest, inert } from '@orgops/model';
import { type Draft, defineLintRule } from '../rule.ts';
import { subjectOf } from '../subjects.ts';
import { waiverMatches } from '../waivers.ts';

/**
 * Runs last: a waiver that no finding of the rules before it matches is stale (the finding was
 * fixed), misspelt, or names the wrong object, and would silently accept a future finding.
 */
export const waiverUnused = defineLintRule(
  {
    id: 'waiver-unused',
    severity: 'warning',
    title: 'Waiver matches nothing',
    description:
      'Every waiver in `waivers` matches a finding: its rule id exists and the rule reports that object.',
  },
  ({ config }, earlier) =>
    (config.waivers ?? []).flatMap((w, i): Draft[] => {
      if (earlier.some((f) => waiverMatches(w, f))) return [];
      const target = subjectOf(w.target);
      const known = new Set(earlier.map((f) => f.rule));
      const reason = RULE_IDS.has(w.rule)
        ? `rule ${inert(w.rule)} reports nothing about ${target.label}${known.has(w.rule) ? '' : ' (it reports nothing at all)'}`
        : `there is no lint rule ${JSON.stringify(inert(w.rule))}`;
      const guess = closest(w.rule, [...RULE_IDS]);
      return [
        {
          message: `waiver ${i + 1} matches no finding: ${reason}. A stale waiver would silently accept the next finding of its kind.`,
          fix: RULE_IDS.has(w.rule)
            ? 'Remove the waiver: what it accepted is gone.'
            : `${guess ? `Did you mean ${JSON.stringify(guess)}? ` : ''}Use one of the rule ids in \`orgops lint\`'s table (packages/lint/README.md), e.g. ${[...RULE_IDS].slice(0, 3).join(', ')}.`,
          path: `waivers[${i}]`,
          subject: { kind: 'waiver', key: `waiver:${i}`, label: `waiver ${i + 1}` },
          site: w.site,
          value: w.rule,
        },
      ];
    }),
);

/** Filled by the registry, so this rule knows every id without importing it (a cycle). */
export const RULE_IDS = new Set<string>();
