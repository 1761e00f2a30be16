import { canonicalJson, type Diagnostic, diagnostic } from '@orgops/model';
import {
  changesOf,
  INTEGRITY_SECTIONS,
  type IntegritySection,
  type Plan,
  type PlanIntegrity,
} from '../plan.ts';
import { changeDigest, changesDigest } from './changes-digest.ts';
import { locatedChanges } from './locate.ts';
import { sha256Hex } from './sha256.ts';

/** What the digests cover: the plan without the parts derived from it on load. */
export type Sealable = Omit<Plan, 'integrity' | 'analysis' | 'summary'>;

const SECTION_WORDS: Readonly<Record<IntegritySection, string>> = {
  header: "the plan's tool version, limits version or creation time was",
  target: "the plan's target organization was",
  phases: "the plan's phase layout was",
  observed: "the plan's observed-object digests were",
  warnings: "the plan's warnings were",
  reviewContext: "the plan's review context was",
};
const SECTION_PATH: Readonly<Record<IntegritySection, string>> = {
  header: 'toolVersion',
  target: 'target',
  phases: 'phases',
  observed: 'observed',
  warnings: 'warnings',
  reviewContext: 'reviewContext',
};

const FIX =
  'Do not edit plan files: make a new plan with `orgops plan --out FILE` and review it. A plan is applied only as it was made.';

/** The digests a plan file carries. */
export function planIntegrity(plan: Sealable): PlanIntegrity {
  const changes = changesOf(plan);
  return {
    algorithm: 'sha256',
    changes: changesDigest(changes),
    perChange: changes.map((c) => ({ address: c.address, digest: changeDigest(c) })),
    sections: sectionDigests(plan),
  };
}

/**
 * What was altered since the plan was made: one `plan-file-altered` error per altered, added or
 * removed change (named by phase, position and address), per reordering, and per other section.
 * Empty when every digest matches.
 */
export function integrityProblems(plan: Plan, file: string): Diagnostic[] {
  const stored = plan.integrity;
  const problems: Diagnostic[] = [];
  const altered = (message: string, path: string, value?: unknown): void => {
    problems.push(
      diagnostic('error', 'plan-file-altered', { message: `${file}: ${message}`, path, fix: FIX, value }),
    );
  };

  const current = locatedChanges(plan).map((c) => ({ ...c, digest: changeDigest(c.change) }));
  if (changesDigest(current.map((c) => c.change)) !== stored.changes) {
    const before = [...stored.perChange];
    const unmatched = current.filter((c) => {
      const i = before.findIndex((s) => s.digest === c.digest);
      if (i < 0) return true;
      before.splice(i, 1);
      return false;
    });
    for (const c of unmatched) {
      const i = before.findIndex((s) => s.address === c.change.address);
      if (i >= 0) {
        before.splice(i, 1);
        altered(`${c.words} was altered after the plan was made.`, c.path);
      } else {
        altered(
          `${c.words} is not one of the changes the plan was made with (added, or its address was altered).`,
          c.path,
        );
      }
    }
    for (const s of before)
      altered(`change ${s.address} was removed after the plan was made.`, 'phases', s.address);
    if (problems.length === 0) {
      const order = stored.perChange.map((s) => s.digest).join();
      if (order !== current.map((c) => c.digest).join()) {
        altered('the changes were reordered after the plan was made.', 'phases');
      } else {
        altered('the changes digest was altered (integrity.changes).', 'integrity.changes');
      }
    }
  } else if (stored.perChange.map((s) => s.digest).join() !== current.map((c) => c.digest).join()) {
    altered('the per-change digests were altered (integrity.perChange).', 'integrity.perChange');
  }

  const now = sectionDigests(plan);
  for (const section of INTEGRITY_SECTIONS) {
    if (now[section] !== stored.sections[section]) {
      altered(`${SECTION_WORDS[section]} altered after the plan was made.`, SECTION_PATH[section]);
    }
  }
  problems.push(...rehearsalProblems(plan, now.rehearsal, file));
  return problems;
}

/**
 * A rehearsal must be the one the plan was sealed with, and of exactly these changes: a review can
 * then never show a rehearsal that did not happen, nor one of other changes.
 */
function rehearsalProblems(plan: Plan, now: string | undefined, file: string): Diagnostic[] {
  const stored = plan.integrity.sections.rehearsal;
  const problem = (message: string): Diagnostic =>
    diagnostic('error', 'plan-file-altered', { message: `${file}: ${message}`, path: 'rehearsal', fix: FIX });
  if (now !== stored) {
    if (stored === undefined) return [problem('a rehearsal was added after the plan was made.')];
    if (now === undefined) return [problem("the plan's rehearsal was removed after the plan was made.")];
    return [problem("the plan's rehearsal was altered after the plan was made.")];
  }
  if (plan.rehearsal && plan.rehearsal.changesDigest !== changesDigest(changesOf(plan)))
    return [problem('the rehearsal is of other changes than the ones in the plan.')];
  return [];
}

type SectionDigests = Record<IntegritySection, string> & { rehearsal?: string };

function sectionDigests(plan: Sealable): SectionDigests {
  const of = (value: unknown): string => sha256Hex(canonicalJson(value));
  return {
    ...(plan.rehearsal ? { rehearsal: of(plan.rehearsal) } : {}),
    header: of({
      toolVersion: plan.toolVersion,
      limitsVersion: plan.limitsVersion,
      createdAt: plan.createdAt,
    }),
    target: of(plan.target),
    phases: of(plan.phases.map((p) => ({ name: p.name, changes: p.changes.length }))),
    observed: of(plan.observed),
    warnings: of(plan.warnings),
    reviewContext: of(plan.reviewContext),
  };
}
