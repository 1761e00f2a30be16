import type { Waiver } from '@orgops/model';
import type { LintFinding, LintReport, WaivedFinding } from './finding.ts';
import { subjectOf } from './subjects.ts';

/** A waiver accepts the findings of its rule about its target, and nothing else. */
export function waiverMatches(w: Waiver, f: LintFinding): boolean {
  return f.rule === w.rule && f.subject.key === subjectOf(w.target).key;
}

/** Splits findings into those a waiver accepts (with its reason) and the rest. */
export function applyWaivers(findings: readonly LintFinding[], waivers: readonly Waiver[]): LintReport {
  const open: LintFinding[] = [];
  const waived: WaivedFinding[] = [];
  for (const f of findings) {
    const w = f.rule === 'waiver-unused' ? undefined : waivers.find((x) => waiverMatches(x, f));
    if (w) waived.push({ ...f, waiver: { reason: w.reason, ...(w.site ? { site: w.site } : {}) } });
    else open.push(f);
  }
  return { findings: open, waived };
}
