import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The config modules one process has imported, keyed by entry file, with a digest of every source
 * file they were built from. tsx gives each import its own namespace, so a second load of the same
 * config would evaluate its whole module graph again (the config, the guardrails, `@orgops/model`,
 * zod: about 300 modules and half a second); a process that loads one config several times (an
 * embedding tool, the CLI's own tests) reuses the module as long as none of its files changed.
 * Files under node_modules are installed packages and are not re-read; a file the config reads
 * itself at run time (readFileSync rather than import) is not tracked.
 */
export interface ConfigModuleCache {
  /** The module imported from `entry`, if no file it was built from has changed since. */
  get(entry: string): unknown;
  /** Records the module imported from `entry` and the URLs of the files it was built from. */
  set(entry: string, mod: unknown, urls: readonly string[]): void;
}

export function configModuleCache(): ConfigModuleCache {
  const entries = new Map<string, { mod: unknown; digests: ReadonlyMap<string, string | undefined> }>();
  return {
    get(entry) {
      const cached = entries.get(entry);
      if (!cached) return undefined;
      for (const [file, digest] of cached.digests) {
        if (digestOf(file) !== digest) {
          entries.delete(entry);
          return undefined;
        }
      }
      return cached.mod;
    },
    set(entry, mod, urls) {
      const digests = new Map<string, string | undefined>([[entry, digestOf(entry)]]);
      for (const url of urls) {
        const file = sourceFile(url);
        if (file && !file.includes('/node_modules/')) digests.set(file, digestOf(file));
      }
      entries.set(entry, { mod, digests });
    },
  };
}

function sourceFile(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  return fileURLToPath(url.replace(/\?.*$/, ''));
}

function digestOf(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}
