import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { generateConfig } from '@orgops/engine';
import { readSnapshot } from '@orgops/live';
import { OrgopsError } from '@orgops/model';
import type { CommandContext, GlobalOptions } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { openBackend } from '../open-backend.ts';

/** `orgops import --out DIR`: write typed config for the live organization, for brownfield adoption. */
export async function importCommand(
  ctx: CommandContext,
  options: GlobalOptions & { out: string; force?: boolean },
): Promise<number> {
  const dir = resolve(ctx.cwd, options.out);
  if (existsSync(dir) && readdirSync(dir).length > 0 && !options.force) {
    throw new OrgopsError(
      'import-target-not-empty',
      `${options.out} is not empty. Choose an empty directory or pass --force to overwrite files in it.`,
    );
  }
  const backend = await openBackend(options, ctx.cwd);
  ctx.io.progress(`Reading the ${backend.kind} organization (${backend.location})...`);
  const snapshot = await readSnapshot(backend, { onProgress: (m: string) => ctx.io.progress(`  ${m}`) });
  const { files, notes } = generateConfig(snapshot);
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  for (const note of notes) ctx.io.err(`note: ${note}`);
  const shown = relative(ctx.cwd, dir) || '.';
  ctx.io.out(
    `Wrote ${files.length} files to ${shown}. Review them, then check with: orgops plan --config ${shown} (expect no changes).`,
  );
  return EXIT.ok;
}
