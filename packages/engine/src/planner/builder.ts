import { type Diagnostic, diagnostic, type Site } from '@orgops/model';
import type { Change } from '../change.ts';
import type { PhaseOfKind } from '../ordering/kind-phases.ts';
import type { PhaseName } from '../plan.ts';

/** Collects changes by phase and plan-time diagnostics while the diff functions run. */
export class PlanBuilder {
  readonly phases = new Map<PhaseName, Change[]>();
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];

  /** Adds a change to one of the phases its kind may run in (`KIND_PHASES`), checked by `tsc`. */
  add<C extends Change>(phase: PhaseOfKind<C['kind']>, change: C): void {
    const list = this.phases.get(phase) ?? [];
    list.push(change);
    this.phases.set(phase, list);
  }

  error(
    code: string,
    fields: { message: string; path: string; fix: string; value?: unknown; site?: Site },
  ): void {
    this.errors.push(diagnostic('error', code, fields));
  }

  warn(
    code: string,
    fields: { message: string; path: string; fix: string; value?: unknown; site?: Site },
  ): void {
    this.warnings.push(diagnostic('warning', code, fields));
  }
}

/** Tag differences, or undefined when equal. */
export function diffTags(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): { set: Record<string, string>; remove: string[]; before: Readonly<Record<string, string>> } | undefined {
  const set: Record<string, string> = {};
  for (const [k, v] of Object.entries(after)) if (before[k] !== v) set[k] = v;
  const remove = Object.keys(before).filter((k) => !(k in after));
  return Object.keys(set).length || remove.length ? { set, remove, before } : undefined;
}
