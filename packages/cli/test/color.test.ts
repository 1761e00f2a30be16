import { ANSI_PATTERN, painter } from '@orgops/engine';
import { describe, expect, it } from 'vitest';
import { colorFor, paint } from '../src/color.ts';
import { type OutStream, processIo } from '../src/io.ts';

const ESC = '\u001b[';

function fakeStream(isTTY: boolean): OutStream & { text: string } {
  const s = {
    isTTY,
    text: '',
    write(t: string) {
      s.text += t;
      return true;
    },
    on() {
      return s;
    },
  };
  return s;
}

describe('colorFor', () => {
  it('colours a terminal with no opt-out', () => {
    expect(colorFor({ isTTY: true }, {})).toBe(true);
    expect(colorFor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
  });

  it('never colours a pipe or a file', () => {
    expect(colorFor({ isTTY: false }, {})).toBe(false);
    expect(colorFor({}, {})).toBe(false);
  });

  it('honours NO_COLOR and TERM=dumb', () => {
    expect(colorFor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorFor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});

describe('processIo colour, decided per stream', () => {
  const cases: Array<[string, NodeJS.ProcessEnv, boolean, boolean, boolean, boolean]> = [
    // name, env, stdout TTY, stderr TTY, expected stdout colour, expected stderr colour
    ['both terminals', { TERM: 'xterm-256color' }, true, true, true, true],
    ['NO_COLOR', { NO_COLOR: '1' }, true, true, false, false],
    ['TERM=dumb', { TERM: 'dumb' }, true, true, false, false],
    ['stdout piped', {}, false, true, false, true],
    ['stderr piped', {}, true, false, true, false],
  ];
  for (const [name, env, outTty, errTty, outColor, errColor] of cases) {
    it(name, () => {
      const stdout = fakeStream(outTty);
      const stderr = fakeStream(errTty);
      const io = processIo(env, { stdout, stderr });
      expect([io.color, io.errColor]).toEqual([outColor, errColor]);
      io.progress('reading the organization');
      expect(stderr.text.includes(ESC)).toBe(errColor);
      expect(stderr.text.replaceAll(ANSI_PATTERN, '')).toBe('reading the organization\n');
    });
  }
});

describe('paint', () => {
  it('uses the engine’s escape codes, so the CLI and the renderers reset alike', () => {
    expect(paint.red(true, 'error')).toBe(painter(true)('remove', 'error'));
    expect(paint.dim(true, 'x')).toBe(`${ESC}2mx${ESC}22m`);
    expect(paint.green(false, 'ok')).toBe('ok');
  });
});
