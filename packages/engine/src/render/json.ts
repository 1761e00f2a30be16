import { canonicalJson } from '@orgops/model';
import type { Plan } from '../plan.ts';

/**
 * The plan as pretty JSON with sorted keys, so the same plan always prints the same bytes
 * (`--format json`, the saved plan file, and what the other views are rendered from).
 */
export function renderPlanJson(plan: Plan): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(plan)), null, 2)}\n`;
}
