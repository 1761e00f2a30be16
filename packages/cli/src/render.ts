import { type Plan, renderPlanJson, renderPlanMarkdown, renderPlanText } from '@orgops/engine';
import { OrgopsError } from '@orgops/model';

export const FORMATS = ['text', 'markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new OrgopsError('bad-format', `Unknown --format '${value}'. Use one of: ${FORMATS.join(', ')}.`);
}

/** Every view renders the same Plan data; JSON is the Plan itself. */
export function renderPlan(plan: Plan, format: Format, options: { color: boolean; title?: string }): string {
  switch (format) {
    case 'json':
      return renderPlanJson(plan);
    case 'markdown':
      return renderPlanMarkdown(plan, { title: options.title });
    default:
      return renderPlanText(plan, { color: options.color, title: options.title });
  }
}
