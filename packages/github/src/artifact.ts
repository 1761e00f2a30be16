import { strFromU8, unzipSync } from 'fflate';
import type { GitHub } from './client.ts';

/**
 * Downloads the files of a workflow run's artifact. Artifacts are immutable once uploaded and
 * only the run itself can upload them, which is why the review's evidence lives in one.
 * Returns undefined when the run has no (unexpired) artifact of that name.
 */
export async function downloadArtifactFiles(
  gh: GitHub,
  repo: { owner: string; repo: string },
  runId: number,
  name: string,
): Promise<Map<string, string> | undefined> {
  const { data } = await gh.rest.actions.listWorkflowRunArtifacts({
    ...repo,
    run_id: runId,
    name,
    per_page: 100,
  });
  const artifact = data.artifacts.find((a) => a.name === name && !a.expired);
  if (!artifact) return undefined;
  const zip = await gh.rest.actions.downloadArtifact({
    ...repo,
    artifact_id: artifact.id,
    archive_format: 'zip',
  });
  const bytes = new Uint8Array(zip.data as ArrayBuffer);
  const files = new Map<string, string>();
  for (const [path, content] of Object.entries(unzipSync(bytes))) files.set(path, strFromU8(content));
  return files;
}
