import { describe, expect, it } from 'vitest';
import type { HeldAccount } from '../analysis/held-in-quarantine.ts';
import type { DriftItem } from '../drift.ts';
import { ANSI_PATTERN } from './ansi.ts';
import { renderDriftMarkdown, renderDriftText } from './drift.ts';
import { cellsPerRow, rawHtmlTags, scannedText, toHtml } from './markdown-html.test-support.ts';

const hostile: DriftItem[] = [
  {
    class: 'created-outside',
    address: 'assignment/GROUP:@org/admins/Admin`|/evil@example.com',
    description: 'group @org/admins was given Admin` in x <img src=x> closes #12\u001b[2J\u0007',
    remedy: 'delete assignment',
  },
  {
    class: 'changed-outside',
    address: 'ou/Prod\nInjected',
    description: 'OU /Prod\n- forged line was retagged',
    remedy: 'update ou',
  },
];

describe('drift report', () => {
  it('renders names in markdown as data: no mention, reference, HTML or control characters', () => {
    const md = renderDriftMarkdown(hostile, 'o-test1234');
    const html = toHtml(md);
    expect(scannedText(html)).not.toMatch(/@org|#12/);
    expect(rawHtmlTags(html)).toEqual([]);
    expect(cellsPerRow(html)).toEqual([]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none get through.
    expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    // One list item per difference: a newline in a name cannot forge another.
    expect(html.match(/<li>/g)).toHaveLength(2);
  });

  it('prints control characters in the terminal as escapes, on one line per difference', () => {
    for (const color of [false, true]) {
      const text = renderDriftText(hostile, 'o-test1234', { color }).replace(ANSI_PATTERN, '');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none get through.
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
      expect(text).toContain('\\x1b[2J\\x07');
      expect(text.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(2);
    }
  });

  it('says plainly when there is no drift', () => {
    expect(renderDriftText([], 'o-1')).toBe('✓ No drift: organization o-1 matches the config.');
    expect(renderDriftMarkdown([], 'o-1')).toBe('### ✅ No drift\n\nOrganization `o-1` matches the config.');
  });

  it('lists accounts held in quarantine when there is no drift, and never tells apply to move them out', () => {
    const held: HeldAccount = {
      email: 'app@example.com',
      name: 'app',
      id: '200000000005',
      held: {
        reason: 'INC-42\u001b[2J',
        at: '2026-11-30T10:15:00.000Z',
        quarantinePath: '/Suspended',
        declaredPath: '/Workloads',
        waiting: [],
      },
    };
    expect(renderDriftText([], 'o-1', { held: [held] })).toBe(
      [
        '✓ No drift: organization o-1 matches the config.',
        '',
        'held in quarantine, as config records (1)',
        '  # app (200000000005) held in quarantine since 2026-11-30T10:15:00.000Z: INC-42\\x1b[2J; config places it in /Workloads, it stays in /Suspended until released',
      ].join('\n'),
    );
    const lagging: DriftItem = {
      class: 'held-in-quarantine',
      address: 'account/app@example.com',
      description: 'app held in quarantine',
      remedy: "record it in config: quarantine: { reason: 'INC-42' } on the account",
    };
    const notRecorded: HeldAccount = { ...held, held: { ...held.held, problem: 'not-recorded' } };
    const text = renderDriftText([lagging], 'o-1', { held: [notRecorded] });
    expect(text).not.toContain('orgops apply');
    expect(text).not.toContain('as config records');
    expect(text).toContain(
      'No apply moves a held account out: record its quarantine in config (merge the pull request `orgops quarantine --open-pr` opened) or release it.',
    );
    const both = renderDriftText([lagging, ...hostile], 'o-1');
    expect(both).toContain('Run `orgops apply` to bring the organization back to the config');
    expect(both).toContain('No apply moves a held account out');
  });
});
