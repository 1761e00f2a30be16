import type { Site } from '@orgops/model';

/** A site's file relative to `root` with `/` separators (what SARIF and GitHub expect), or as is. */
export function relativeFile(site: Site | undefined, root: string | undefined): string | undefined {
  if (!site) return undefined;
  const file = site.file.replace(/\\/g, '/');
  const base = root?.replace(/\\/g, '/').replace(/\/$/, '');
  return base && file.startsWith(`${base}/`) ? file.slice(base.length + 1) : file;
}

/** `policies/src/x.ts:12`, or '' when the finding has no site. */
export function siteWords(site: Site | undefined, root: string | undefined): string {
  const file = relativeFile(site, root);
  return file && site ? `${file}:${site.line}` : '';
}
