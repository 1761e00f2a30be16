import type { ErrorCodeEntry } from './entry.ts';

/** Codes from the GitHub commands and pipeline. */
export const GITHUB_ERROR_CODES = {
  'github-base-differs': {
    kind: 'user',
    meaning: 'The file on the base branch differs from the one the change was made against.',
    fix: 'Bring the checkout up to date and run again, or commit the change yourself.',
  },
  'github-branch-exists': {
    kind: 'user',
    meaning: 'The pull request branch exists with another version of the file.',
    fix: 'Delete the branch, or open the pull request from it by hand.',
  },
  'github-env-incomplete': {
    kind: 'user',
    meaning: 'The GitHub Actions environment lacks variables the command needs.',
    fix: 'Run it from the workflows in .github/workflows, which set them.',
  },
  'github-event-invalid': {
    kind: 'user',
    meaning: 'The pull_request event payload has no number or head sha.',
    fix: 'Run the command on pull_request events.',
  },
  'github-event-unreadable': {
    kind: 'user',
    meaning: 'The event payload at GITHUB_EVENT_PATH cannot be read.',
    fix: 'Run orgops inside a workflow step.',
  },
  'github-fork-pull-request': {
    kind: 'user',
    meaning: 'The pull request comes from a fork, which gets no AWS credentials.',
    fix: 'None needed: the plan workflow only validates and lints forks.',
  },
  'github-not-a-file': {
    kind: 'user',
    meaning: 'The path on that ref is not a file.',
    fix: 'Point the command at a file.',
  },
  'github-too-many-commits': {
    kind: 'user',
    meaning: 'More commits landed since the last apply than orgops checks reviews for.',
    fix: 'Review the fresh plan and approve it with a manual run of the apply workflow.',
  },
  'github-wrong-event': {
    kind: 'user',
    meaning: 'The command runs on another GitHub event than this run’s.',
    fix: 'Call it from the workflow the message names.',
  },
} as const satisfies Readonly<Record<string, ErrorCodeEntry>>;
