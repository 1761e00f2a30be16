/** The repository data the fake GitHub serves; tests arrange it directly. */
import { createHash } from 'node:crypto';

export interface FakeUser {
  readonly login: string;
  readonly type: 'Bot' | 'User';
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
}

export interface FakePull {
  number: number;
  headSha: string;
  baseRef: string;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  /** Pull requests opened through the API carry these; the pipeline tests' pulls do not need them. */
  headRef?: string;
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
}

export interface FakeRun {
  id: number;
  runNumber: number;
  runAttempt: number;
  workflow: string;
  headSha: string;
  headBranch: string;
  event: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  createdAt: string;
}

export interface FakeArtifact {
  id: number;
  runId: number;
  name: string;
  zip: Uint8Array;
  expired: boolean;
}

export interface FakeCommit {
  sha: string;
  parents: string[];
  /** The files of the commit (path -> content), for commits made through the contents API. */
  files?: Map<string, string>;
  message?: string;
}

/** Everything in one repository, plus the request log tests assert on. */
export class FakeRepo {
  /** The identity every write is attributed to: the workflow token's bot. */
  tokenUser: FakeUser = { login: 'github-actions[bot]', type: 'Bot' };
  comments: FakeComment[] = [];
  issues: FakeIssue[] = [];
  labels = new Set<string>();
  pulls: FakePull[] = [];
  commits = new Map<string, FakeCommit>();
  runs: FakeRun[] = [];
  artifacts: FakeArtifact[] = [];
  requests: { method: string; path: string }[] = [];
  defaultBranch = 'main';
  /** Branch name -> commit sha. */
  branches = new Map<string, string>();
  private nextId = 1000;
  private clock = Date.parse('2026-06-01T12:00:00Z');

  id(): number {
    return this.nextId++;
  }

  /** A strictly increasing timestamp, one second per event. */
  now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  nextIssueNumber(): number {
    return Math.max(0, ...this.issues.map((i) => i.number), ...this.pulls.map((p) => p.number)) + 1;
  }

  addCommit(sha: string, parents: string[]): void {
    this.commits.set(sha, { sha, parents });
  }

  addRun(
    run: Omit<FakeRun, 'id' | 'runNumber' | 'createdAt' | 'runAttempt'> & { runAttempt?: number },
  ): FakeRun {
    const created: FakeRun = {
      runAttempt: 1,
      ...run,
      id: this.id(),
      runNumber: this.runs.filter((r) => r.workflow === run.workflow).length + 1,
      createdAt: this.now(),
    };
    this.runs.push(created);
    return created;
  }

  /** A person with write access edits a comment in the web UI: the author stays the bot. */
  editComment(id: number, body: string): void {
    const c = this.comments.find((x) => x.id === id);
    if (!c) throw new Error(`no comment ${id}`);
    c.body = body;
    c.updatedAt = this.now();
  }

  /** A commit on `branch` with these files (the branch's files, changed by `files`). */
  commitFiles(branch: string, files: Record<string, string>, message = 'commit'): string {
    const parent = this.branches.get(branch);
    const tree = new Map(parent ? (this.commits.get(parent)?.files ?? []) : []);
    for (const [path, content] of Object.entries(files)) tree.set(path, content);
    const sha = createHash('sha1')
      .update(`${parent ?? ''}\n${message}\n${this.id()}`)
      .digest('hex');
    this.commits.set(sha, { sha, parents: parent ? [parent] : [], files: tree, message });
    this.branches.set(branch, sha);
    return sha;
  }

  /** A file's content on a branch, or undefined. */
  fileOn(branch: string, path: string): string | undefined {
    const sha = this.branches.get(branch);
    return sha ? this.commits.get(sha)?.files?.get(path) : undefined;
  }

  commentsOn(issueNumber: number): FakeComment[] {
    return this.comments.filter((c) => c.issueNumber === issueNumber);
  }

  count(method: string, pattern: RegExp): number {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path)).length;
  }
}

/** Git's blob id of a file: what the contents API calls the file's `sha`. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
