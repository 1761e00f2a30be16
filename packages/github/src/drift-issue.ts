import type { GitHub } from './client.ts';

export const DRIFT_MARKER = '<!-- orgops-drift -->';

export interface DriftIssue {
  readonly number: number;
  readonly body: string;
  readonly url: string;
}

/** The open drift issue: labelled, carrying the marker, the oldest if several (one is kept). */
export async function findOpenDriftIssue(
  gh: GitHub,
  repo: { owner: string; repo: string },
  label: string,
): Promise<DriftIssue | undefined> {
  const found: DriftIssue[] = [];
  for await (const page of gh.paginate.iterator(gh.rest.issues.listForRepo, {
    ...repo,
    labels: label,
    state: 'open',
    sort: 'created',
    direction: 'asc',
    per_page: 100,
  })) {
    for (const i of page.data) {
      if (i.pull_request || !i.body?.includes(DRIFT_MARKER)) continue;
      found.push({ number: i.number, body: i.body, url: i.html_url });
    }
  }
  return found[0];
}

/** Creates the label when the repository does not have it yet, so the issue can carry it. */
export async function ensureLabel(
  gh: GitHub,
  repo: { owner: string; repo: string },
  label: string,
): Promise<void> {
  try {
    await gh.rest.issues.getLabel({ ...repo, name: label });
  } catch (err) {
    if ((err as { status?: number }).status !== 404) throw err;
    await gh.rest.issues.createLabel({
      ...repo,
      name: label,
      color: 'd93f0b',
      description: 'The AWS organization differs from the config (orgops drift)',
    });
  }
}
