import { describe, expect, it } from 'vitest';
import { escapeControls } from './safe-text.ts';

describe('escapeControls', () => {
  it('makes ESC, BEL, newlines and other C0/C1 controls visible', () => {
    expect(escapeControls('Prod\u001b[2J\u0007')).toBe('Prod\\x1b[2J\\x07');
    expect(escapeControls('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(escapeControls('\u0000\u007f\u009b')).toBe('\\x00\\x7f\\x9b');
  });

  it('makes bidi overrides, zero-width characters and separators visible', () => {
    expect(escapeControls('admin\u202egnp.exe')).toBe('admin\\u202egnp.exe');
    expect(escapeControls('a\u200bb\u2028c\ufeff')).toBe('a\\u200bb\\u2028c\\ufeff');
  });

  it('leaves ordinary text, including non-Latin letters and emoji, alone', () => {
    const text = 'Produktion – 本番 🚀 /Workloads/Prod (111111111111)';
    expect(escapeControls(text)).toBe(text);
  });
});
