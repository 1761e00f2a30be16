import { diagnostic } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { formatApplyEvent } from '../src/commands/apply-report.ts';
import { memoryIo } from '../src/io.ts';
import { printDiagnostics } from '../src/print-diagnostics.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none get through.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

describe('terminal output of organization names', () => {
  it('prints control characters in apply progress as visible escapes', () => {
    const line = formatApplyEvent({ kind: 'done', address: 'ou/Evil\u001b]0;pwned\u0007', note: 'x\ny' });
    expect(line).toBe('  ✓ ou/Evil\\x1b]0;pwned\\x07 (x\\ny)');
    expect(line).not.toMatch(RAW_CONTROL);
  });

  it('prints control characters in diagnostics as visible escapes', () => {
    const io = memoryIo();
    printDiagnostics(
      io,
      [
        diagnostic('warning', 'x', {
          message: 'OU Prod\u001b[2J is odd',
          path: 'ous[0]',
          fix: 'rename \u0007it',
        }),
      ],
      '/',
    );
    expect(io.stderr).toContain('OU Prod\\x1b[2J is odd');
    expect(io.stderr).toContain('fix: rename \\x07it');
    expect(io.stderr.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
  });
});
