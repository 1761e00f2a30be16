import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { denyAll, denyLeaveOrganization, platformAdmin } from '../src/index.ts';

const THIS_FILE = fileURLToPath(import.meta.url);

/** The line of this file that carries `// at:<tag>`. */
function lineOf(tag: string): number {
  const index = readFileSync(THIS_FILE, 'utf8')
    .split('\n')
    .findIndex((l) => l.endsWith(`// at:${tag}`));
  if (index < 0) throw new Error(`no line tagged ${tag}`);
  return index + 1;
}

describe('building blocks record where the organization called them', () => {
  it('an SCP points at the caller’s file and line, past the block and the model', () => {
    const scp = denyLeaveOrganization({ exemptPrincipalArns: [] }); // at:scp
    expect(scp.site).toMatchObject({ file: THIS_FILE, line: lineOf('scp') });
  });

  it('a block that checks its options first points at the caller too', () => {
    const scp = denyAll({ exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass'] }); // at:deny-all
    expect(scp.site).toMatchObject({ file: THIS_FILE, line: lineOf('deny-all') });
  });

  it('a permission set points at the caller’s file and line', () => {
    const ps = platformAdmin(); // at:ps
    expect(ps.site).toMatchObject({ file: THIS_FILE, line: lineOf('ps') });
  });
});
