import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { lineWriter } from '../src/io.ts';
import { finished, spawnOrgops } from './harness.ts';

function closingStream() {
  const events = new EventEmitter();
  const written: string[] = [];
  return {
    written,
    fail: (code: string) => events.emit('error', Object.assign(new Error(code), { code })),
    stream: {
      write: (t: string) => written.push(t),
      on: (event: 'error', listener: (err: NodeJS.ErrnoException) => void) => events.on(event, listener),
    },
  };
}

describe('a closed stdout', () => {
  it('drops what is written after EPIPE instead of throwing', () => {
    const s = closingStream();
    const write = lineWriter(s.stream);
    write('one');
    expect(() => s.fail('EPIPE')).not.toThrow();
    write('two');
    expect(s.written).toEqual(['one\n']);
  });

  it('still fails loudly on other write errors', () => {
    const s = closingStream();
    lineWriter(s.stream);
    expect(() => s.fail('EIO')).toThrow('EIO');
  });

  it('ends `orgops plan --help | head` quietly with exit code 0', async () => {
    const child = spawnOrgops(['plan', '--help']);
    // The reader goes away before orgops writes, as `head` does once it has its lines.
    child.stdout?.destroy();
    const run = await finished(child);
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
    expect(run.code).toBe(0);
  });
});
