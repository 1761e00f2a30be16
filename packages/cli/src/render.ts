import {
  type Plan,
  type ReviewFinding,
  renderPlanJson,
  renderPlanMarkdown,
  renderPlanText,
} from '@orgops/engine';
import { OrgopsError } from '@orgops/model';

export const FORMATS = ['text', 'markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new OrgopsError('bad-format', `Unknown --format '${value}'. Use one of: ${FORMATS.join(', ')}.`);
}

/**
 * Every view renders the same Plan data; JSON is the Plan itself. Lint findings, when given, are
 * the markdown review's "Lint findings" section (the other views leave them to stderr).
 */
export function renderPlan(
  plan: Plan,
  format: Format,
  options: { color: boolean; title?: string; lint?: readonly ReviewFinding[] },
): string {
  switch (format) {
    case 'json':
      return renderPlanJson(plan);
    case 'markdown':
      return renderPlanMarkdown(plan, {
        title: options.title,
        ...(options.lint ? { lint: options.lint } : {}),
      });
    default:
      return renderPlanText(plan, { color: options.color, title: options.title });
  }
}
