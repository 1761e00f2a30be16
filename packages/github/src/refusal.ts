import { type Change, mdCode, mdText } from '@orgops/engine';
import { COMMENT_MAX_CHARS } from './limits.ts';
import type { Review } from './reviewed-changes.ts';

export const REFUSAL_MARKER = '<!-- orgops-apply -->';

export interface Refusal {
  readonly sha: string;
  readonly runUrl: string;
  readonly freshDigest: string;
  readonly changeCount: number;
  readonly unreviewed: readonly Change[];
  readonly reviews: readonly Review[];
  /** Why no pull request could vouch for the merge at all, when that is the case. */
  readonly note?: string;
}

const LISTED = 200;

/**
 * What the pull request (and the job summary) says when apply refuses: which reviews counted,
 * which changes no review showed, and how a person approves the fresh plan. Names are inert.
 */
export function renderRefusal(r: Refusal, maxChars = COMMENT_MAX_CHARS - 512): string {
  const lines = [
    REFUSAL_MARKER,
    `### ⛔ orgops apply stopped before changing anything (merge ${mdCode(r.sha.slice(0, 12))})`,
    '',
    `The fresh plan from the merged code has ${r.changeCount} change${r.changeCount === 1 ? '' : 's'}, and ${r.unreviewed.length} of them ${r.unreviewed.length === 1 ? 'was' : 'were'} not shown, unchanged, by any review of a pull request merged since the last successful apply. The organization or main changed after review.`,
    '',
  ];
  if (r.note) lines.push(mdText(r.note), '');
  if (r.reviews.length) {
    lines.push('**Reviews considered**', '');
    for (const review of r.reviews) {
      lines.push(
        review.ok
          ? `- #${review.pr}: verified, ${review.record.changeCount} change${review.record.changeCount === 1 ? '' : 's'} (digest ${mdCode(review.record.changesDigest.slice(0, 16))})`
          : `- #${review.pr}: not usable: ${mdText(review.problem)}`,
      );
    }
    lines.push('');
  }
  lines.push('**Changes no review showed**', '');
  for (const c of r.unreviewed.slice(0, LISTED)) lines.push(`- ${c.action} ${mdCode(c.address)}`);
  if (r.unreviewed.length > LISTED)
    lines.push(`- … and ${r.unreviewed.length - LISTED} more (see the job summary)`);
  const foot = [
    '',
    `The fresh plan is in the job summary of [the apply run](${r.runUrl}). To apply it, review it there, then run the **apply** workflow by hand (Actions → apply → Run workflow) with \`changes_digest\` set to:`,
    '',
    `\`${r.freshDigest}\``,
    '',
    'That run waits for approval in the protected environment and applies only a plan with exactly this digest. To undo the out-of-band change instead, revert it in AWS or adopt it in the config through a new pull request.',
  ].join('\n');
  let text = lines.join('\n');
  if (text.length + foot.length > maxChars) {
    const cut = text.lastIndexOf('\n', maxChars - foot.length - 80);
    text = `${text.slice(0, cut)}\n- … (cut to fit a comment; the job summary lists every change)`;
  }
  return `${text}\n${foot}\n`;
}
