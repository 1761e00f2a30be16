import type { ErrorCodeEntry } from './entry.ts';

/** Codes for command-line input and the files the CLI reads and writes. */
export const CLI_ERROR_CODES = {
  'approval-required': {
    kind: 'user',
    meaning: 'apply has no terminal to ask for approval on.',
    fix: 'Review the plan, then pass --auto-approve.',
  },
  'bad-account-quota': {
    kind: 'user',
    meaning: '--account-quota (or ORGOPS_ACCOUNT_QUOTA) is not a whole number in range.',
    fix: 'Give the account quota AWS granted your organization (Service Quotas).',
  },
  'bad-format': {
    kind: 'user',
    meaning: '--format names an output format the command does not have.',
    fix: 'Use one of the formats the message lists.',
  },
  'bad-full-read-every': {
    kind: 'user',
    meaning: '--full-read-every is not a number of days from 1 to 89.',
    fix: 'Give a number of days below 90 (CloudTrail keeps 90 days of events).',
  },
  'bad-lock-timeout': {
    kind: 'user',
    meaning: '--lock-timeout is not a number of seconds.',
    fix: 'Give 0 or more seconds.',
  },
  'bad-max-severity': {
    kind: 'user',
    meaning: '--max-severity names no lint severity.',
    fix: 'Use one of the severities the message lists.',
  },
  'bad-since': {
    kind: 'user',
    meaning: '--since is not a date or time.',
    fix: 'Give an ISO 8601 date or UTC time, such as 2026-06-01T06:00:00Z.',
  },
  'baseline-unreadable': {
    kind: 'user',
    meaning: 'The drift baseline file cannot be read.',
    fix: 'Check the path and permissions, or run a full drift read without --since.',
  },
  'can-asker-invalid': {
    kind: 'user',
    meaning:
      'orgops can: the principal asked about is not a group, user, permission set or root of the config.',
    fix: 'Write group:NAME, user:NAME, permission-set:NAME or root.',
  },
  'can-context-invalid': {
    kind: 'user',
    meaning: 'orgops can: a --context entry is not key=value.',
    fix: 'Write e.g. --context aws:PrincipalTag/team=payments.',
  },
  'closure-not-allowed': {
    kind: 'user',
    meaning: 'The plan closes accounts and the run did not confirm it.',
    fix: 'Check the closures in the plan, then pass --allow-account-closure.',
  },
  'config-invalid': {
    kind: 'user',
    meaning: 'The config has validation errors (printed above the error).',
    fix: 'Fix the listed diagnostics; nothing was changed.',
  },
  'explain-subject-ambiguous': {
    kind: 'user',
    meaning: 'orgops explain: the name matches more than one account, permission set or principal.',
    fix: 'Prefix it with account:, permission-set:, group: or user:.',
  },
  'explain-subject-unknown': {
    kind: 'user',
    meaning: 'orgops explain: nothing in the organization has that name.',
    fix: 'Use a name the message suggests.',
  },
  'import-target-not-empty': {
    kind: 'user',
    meaning: 'orgops import would write into a directory that has files.',
    fix: 'Choose an empty directory, or pass --force to overwrite.',
  },
  internal: {
    kind: 'internal',
    meaning: 'A step orgops relies on did not run (a bug in orgops).',
    fix: 'Report it with the command and its output.',
  },
  'unknown-backend': {
    kind: 'user',
    meaning: '--backend is neither sandbox nor aws.',
    fix: 'Pass --backend sandbox or --backend aws.',
  },
} as const satisfies Readonly<Record<string, ErrorCodeEntry>>;
