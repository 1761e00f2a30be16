import { policyTypeLabel } from '../../policy.ts';
import type { Site } from '../../site.ts';
import { controlCharacters, describeCharacters, quoted, withoutControlCharacters } from '../messages.ts';
import { assignmentPath, ouPath } from '../paths.ts';
import { defineRule, type RuleContext } from '../rule.ts';
import { distinctPolicies } from '../targets.ts';

interface Field {
  readonly label: string;
  readonly path: string;
  readonly value: string;
  readonly site?: Site;
  readonly multiline: boolean;
}

/**
 * Fields whose AWS pattern does not already exclude control characters (other fields have a rule
 * of their own: account-name, permission-set-name, permission-set-description, tag-key, tag-value,
 * account-email). Organizations' patterns for OU and policy names are `[\s\S]*`, so AWS would store
 * an ESC; orgops refuses it anyway, because every name is printed in plans, reviews and drift
 * reports, where it would reach a terminal or a pull request as markup.
 */
function fields(ctx: RuleContext): Field[] {
  const out: Field[] = [];
  for (const ou of ctx.collected.ous) {
    out.push({
      label: 'OU name',
      path: `${ouPath(ou)}.name`,
      value: ou.name,
      site: ou.site,
      multiline: false,
    });
  }
  for (const { policy: p, path } of distinctPolicies(ctx)) {
    if (p.awsManaged) continue;
    const label = policyTypeLabel(p.type);
    out.push({ label: `${label} name`, path: `${path}.name`, value: p.name, site: p.site, multiline: false });
    if (p.description !== undefined) {
      out.push({
        label: `${label} ${quoted(p.name)} description`,
        path: `${path}.description`,
        value: p.description,
        site: p.site,
        multiline: true,
      });
    }
  }
  const principals = new Set<string>();
  for (const a of ctx.config.assignments ?? []) {
    const key = `${a.principal.type}:${a.principal.name}`;
    if (principals.has(key)) continue;
    principals.add(key);
    out.push({
      label: `${a.principal.type === 'GROUP' ? 'Group' : 'User'} name`,
      path: `${assignmentPath(a)}.principal`,
      value: a.principal.name,
      site: a.principal.site ?? a.site,
      multiline: false,
    });
  }
  return out;
}

export const nameControlCharacters = defineRule(
  {
    code: 'name-control-characters',
    severity: 'error',
    description:
      'OU, policy, group and user names and policy descriptions contain no control characters (ESC, BEL, DEL, C1) or bidirectional overrides; descriptions may hold tabs and line breaks.',
  },
  (ctx) =>
    fields(ctx).flatMap((f) => {
      const bad = controlCharacters(f.value, f.multiline);
      if (bad.length === 0) return [];
      const cleaned = withoutControlCharacters(f.value, f.multiline);
      return [
        {
          message: `${f.label} ${quoted(f.value)} contains ${describeCharacters(bad)}; names are shown in every plan, review and drift report, where a control character would reach the terminal or the pull request raw.`,
          path: f.path,
          site: f.site,
          value: f.value,
          fix: cleaned
            ? `Remove the control characters: ${quoted(cleaned)}.`
            : 'Give it a name of visible characters.',
        },
      ];
    }),
);
