import { type HeldAccount, heldWords } from '../analysis/held-in-quarantine.ts';
import type { Risk } from '../analysis/types.ts';
import { DRIFT_CLASS_LABELS, type DriftItem } from '../drift.ts';
import { painter, type Tone } from './ansi.ts';
import { mdCode, mdText } from './inert-markdown.ts';
import { escapeControls } from './safe-text.ts';

export interface DriftViewOptions {
  /**
   * Risks of the drift itself, rated as a plan would rate the same change (`analyzeOutOfBand`):
   * a grant made by hand is a gain.
   */
  readonly risks?: readonly Risk[];
  /** The plan's held accounts: those config records are listed as held, not as drift. */
  readonly held?: readonly HeldAccount[];
}

const RISK_TONES: Readonly<Record<Risk['level'], Tone>> = { high: 'remove', medium: 'change', low: 'plain' };
const RISK_BADGES: Readonly<Record<Risk['level'], string>> = {
  high: '🔴 **High**',
  medium: '🟠 **Medium**',
  low: '🟡 **Low**',
};

function grouped(items: readonly DriftItem[]): [DriftItem['class'], DriftItem[]][] {
  const groups = new Map<DriftItem['class'], DriftItem[]>();
  for (const item of items) groups.set(item.class, [...(groups.get(item.class) ?? []), item]);
  return [...groups.entries()];
}

/**
 * The drift report for a terminal: differences grouped by what happened outside orgops. The
 * descriptions and addresses carry organization names, so control characters print as escapes.
 */
export function renderDriftText(
  items: readonly DriftItem[],
  organizationId: string,
  options: DriftViewOptions & { readonly color?: boolean } = {},
): string {
  const paint = painter(options.color === true);
  const org = escapeControls(organizationId);
  const recorded = (options.held ?? []).filter((a) => a.held.problem === undefined);
  const heldLines = recorded.length
    ? [
        '',
        paint('strong', `held in quarantine, as config records (${recorded.length})`),
        ...recorded.map((a) => `  # ${escapeControls(heldWords(a))}`),
      ]
    : [];
  if (!items.length)
    return [`${paint('add', '✓')} No drift: organization ${org} matches the config.`, ...heldLines].join(
      '\n',
    );
  const lines = [paint('strong', `Drift in organization ${org}: ${items.length} difference(s)`)];
  const risks = options.risks ?? [];
  if (risks.length > 0) {
    lines.push('', paint('strong', 'Risks of what happened outside orgops'));
    for (const r of risks)
      lines.push(
        `  ${paint(RISK_TONES[r.level], r.level.toUpperCase().padEnd(6))} ${escapeControls(r.message)} [${r.code}]`,
      );
  }
  for (const [cls, list] of grouped(items)) {
    lines.push('', paint('change', `${DRIFT_CLASS_LABELS[cls]} (${list.length})`));
    for (const i of list) {
      lines.push(`  - ${escapeControls(i.description)}   [${escapeControls(i.address)}]`);
      if (showsFix(i)) lines.push(`    fix: ${escapeControls(i.remedy)}`);
    }
  }
  lines.push(...heldLines, '');
  // A hold is not drift apply reverts: only config catching up (or a release) ends the report.
  if (items.some((i) => i.class !== 'held-in-quarantine'))
    lines.push(
      'Run `orgops apply` to bring the organization back to the config, or change the config to adopt the drift.',
    );
  if (items.some((i) => i.class === 'held-in-quarantine'))
    lines.push(
      'No apply moves a held account out: record its quarantine in config (merge the pull request `orgops quarantine --open-pr` opened) or release it.',
    );
  if (items.some(needsConfig))
    lines.push(
      `${DRIFT_CLASS_LABELS['not-in-config']} / ${DRIFT_CLASS_LABELS['cannot-plan']}: \`orgops apply\` refuses until these are resolved; each says how.`,
    );
  return lines.join('\n');
}

/**
 * The drift report as markdown, for the job summary and the drift issue: names can never
 * mention, reference or break the markdown.
 */
export function renderDriftMarkdown(
  items: readonly DriftItem[],
  organizationId: string,
  options: DriftViewOptions = {},
): string {
  if (!items.length) return `### ✅ No drift\n\nOrganization ${mdCode(organizationId)} matches the config.`;
  const lines = [`### ⚠️ Drift in organization ${mdCode(organizationId)}: ${items.length} difference(s)`];
  const risks = options.risks ?? [];
  if (risks.length > 0) {
    lines.push('', '**Risks of what happened outside orgops**', '');
    for (const r of risks) lines.push(`- ${RISK_BADGES[r.level]} ${mdText(r.message)} \`${r.code}\``);
  }
  for (const [cls, list] of grouped(items)) {
    lines.push('', `**${DRIFT_CLASS_LABELS[cls]}** (${list.length})`, '');
    for (const i of list)
      lines.push(
        `- ${mdText(i.description)} — ${mdCode(i.address)}${showsFix(i) ? `<br>fix: ${mdText(i.remedy)}` : ''}`,
      );
  }
  if (items.some(needsConfig))
    lines.push(
      '',
      '`orgops apply` refuses until the differences it cannot plan are resolved; each says how.',
    );
  return lines.join('\n');
}

/** A difference `apply` cannot fix: someone must change the config or the organization first. */
function needsConfig(item: DriftItem): boolean {
  return item.class === 'not-in-config' || item.class === 'cannot-plan';
}

/** Items whose remedy is a config change to show: refusals, and quarantines config has not caught up with. */
function showsFix(item: DriftItem): boolean {
  return needsConfig(item) || item.class === 'held-in-quarantine';
}
