import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { DesiredAccount, QuarantineEntry } from '@orgops/model';
import { type EditResult, recordQuarantine, renderEntry } from './edit-account-entry.ts';

/** The config change `orgops quarantine` makes, before it is written. */
export type ConfigEdit =
  | {
      readonly ok: true;
      readonly file: string;
      readonly line: number;
      readonly before: string;
      readonly after: string;
      readonly changed: boolean;
      readonly summary: string;
    }
  | { readonly ok: false; readonly reason: string; readonly snippet: string };

/**
 * Works out the config change that records the quarantine: the account's entry in config (by id
 * or email), its definition file and line from the recorded site, and the edited text. Reads the
 * file, writes nothing (see {@link writeConfigEdit}).
 */
export function planConfigEdit(
  accounts: readonly DesiredAccount[],
  live: { readonly id: string; readonly email: string; readonly name: string },
  entry: Required<QuarantineEntry>,
): ConfigEdit {
  const snippet = renderEntry(entry);
  const mine = accounts.find((a) =>
    a.id !== undefined ? a.id === live.id : a.email === live.email.toLowerCase(),
  );
  if (!mine) {
    return {
      ok: false,
      reason: `${live.name} (${live.id}) is not in the config, so there is no entry to record the quarantine in. Add it with account({ name, email: '${live.email}', id: '${live.id}', parent, ... }) and this entry`,
      snippet,
    };
  }
  const site = mine.site;
  if (!site || site.line <= 0 || !existsSync(site.file)) {
    return { ok: false, reason: `the config does not say where ${mine.name} is defined`, snippet };
  }
  const before = readFileSync(site.file, 'utf8');
  // Config already records this very quarantine (a second run): its reason may be fuller than the tag's.
  if (mine.quarantine?.at === entry.at && entry.at !== '' && !mine.release) {
    return {
      ok: true,
      file: site.file,
      line: site.line,
      before,
      after: before,
      changed: false,
      summary: `${mine.name} already records this quarantine`,
    };
  }
  const result: EditResult = recordQuarantine(
    site.file,
    before,
    {
      name: mine.name,
      email: mine.email,
      ...(mine.id ? { id: mine.id } : {}),
      line: site.line,
      column: site.column,
    },
    entry,
  );
  if (!result.ok) return { ok: false, reason: `${site.file}:${site.line}: ${result.reason}`, snippet };
  return {
    ok: true,
    file: site.file,
    line: site.line,
    before,
    after: result.text,
    changed: result.changed,
    summary: result.summary,
  };
}

/** Writes the edit, unless the file changed since it was read (then nothing is written). */
export function writeConfigEdit(edit: Extract<ConfigEdit, { ok: true }>): boolean {
  if (!edit.changed) return true;
  if (readFileSync(edit.file, 'utf8') !== edit.before) return false;
  writeFileSync(edit.file, edit.after);
  return true;
}

/** The repository the file belongs to (the directory with `.git`, a worktree's file included) and its path there. */
export function repositoryPathOf(file: string): { readonly root: string; readonly path: string } | undefined {
  let dir = dirname(file);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return { root: dir, path: relative(dir, file).split(sep).join('/') };
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
