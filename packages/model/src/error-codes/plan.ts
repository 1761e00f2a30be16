import type { ErrorCodeEntry } from './entry.ts';

/** Codes from planning, plan files, rehearsal and applying a plan. */
export const PLAN_ERROR_CODES = {
  'account-not-found': {
    kind: 'internal',
    meaning: 'The applier found no account the plan refers to in the fresh read.',
    fix: 'Plan again; report it if it repeats.',
  },
  'async-failed': {
    kind: 'internal',
    meaning: 'AWS accepted an Identity Center request (assignment, provisioning) and then failed it.',
    fix: 'Read the failure reason in the message; fix it in AWS and apply again.',
  },
  'create-account-failed': {
    kind: 'internal',
    meaning:
      'AWS accepted CreateAccount and then failed it (reason in the message, e.g. EMAIL_ALREADY_EXISTS).',
    fix: 'Act on the failure reason (another email, a higher account quota) and apply again.',
  },
  interrupted: {
    kind: 'user',
    meaning: 'The apply was interrupted before this change was sent.',
    fix: 'Plan again and apply what is left.',
  },
  'mermaid-id-invalid': {
    kind: 'internal',
    meaning: 'The Mermaid renderer was given a node id it did not generate (a bug in orgops).',
    fix: 'Report it with the command and its output.',
  },
  'no-identity-center': {
    kind: 'user',
    meaning: 'The organization has no IAM Identity Center instance in the region.',
    fix: 'Enable Identity Center, or pass the region it runs in.',
  },
  'organization-no-root': {
    kind: 'internal',
    meaning: 'The organization read returned no root.',
    fix: 'Check the credentials are the management account’s; report it if it repeats.',
  },
  'ou-not-found': {
    kind: 'internal',
    meaning: 'The applier found no OU at a path the plan refers to.',
    fix: 'Plan again; report it if it repeats.',
  },
  'permission-set-not-found': {
    kind: 'internal',
    meaning: 'The applier found no permission set the plan refers to.',
    fix: 'Plan again; report it if it repeats.',
  },
  'plan-backend-mismatch': {
    kind: 'user',
    meaning: 'The plan file was made against another backend than this run uses.',
    fix: 'Pass the --backend the message names, or make a new plan.',
  },
  'plan-failed': {
    kind: 'user',
    meaning: 'The plan cannot be made: the planner refused changes (printed above the error).',
    fix: 'Fix what the refusals name; nothing was changed.',
  },
  'plan-file-altered': {
    kind: 'user',
    meaning: 'The plan file changed after orgops plan wrote it (its seal does not match).',
    fix: 'Make a new plan and review it.',
  },
  'plan-file-invalid': {
    kind: 'user',
    meaning: 'The file is not a plan this orgops version can use.',
    fix: 'Make a new plan with this orgops.',
  },
  'plan-file-unreadable': {
    kind: 'user',
    meaning: 'The plan file cannot be read.',
    fix: 'Check the path and permissions.',
  },
  'plan-foreign': {
    kind: 'user',
    meaning: 'The plan was made against another organization than the credentials reach.',
    fix: 'Make a new plan against this organization.',
  },
  'plan-stale': {
    kind: 'user',
    meaning: 'Objects the plan changes were changed in the organization after the plan was made.',
    fix: 'Plan again and review the new plan.',
  },
  'policy-not-found': {
    kind: 'internal',
    meaning: 'The applier found no policy the plan refers to.',
    fix: 'Plan again; report it if it repeats.',
  },
  'poll-timeout': {
    kind: 'internal',
    meaning: 'An asynchronous AWS request was still in progress after the last poll.',
    fix: 'Check the request in the AWS console, then plan and apply again.',
  },
  'principal-not-found': {
    kind: 'user',
    meaning: 'No group or user with that name exists in the identity store.',
    fix: 'Create it in the identity source, or fix the name in the config.',
  },
  'rehearsal-failed': {
    kind: 'internal',
    meaning: 'The rehearsal failed without AWS refusing anything (a bug in orgops).',
    fix: 'Report it with the plan; plan without --rehearse meanwhile.',
  },
  'rehearsal-of-other-changes': {
    kind: 'internal',
    meaning: 'The rehearsal in the plan file is of other changes than the plan’s.',
    fix: 'Make a new plan.',
  },
  'rehearsal-twin-differs': {
    kind: 'internal',
    meaning: 'The rehearsal twin does not match the snapshot it was seeded from (a bug in orgops).',
    fix: 'Report it; plan without --rehearse meanwhile.',
  },
  'rehearsal-unsupported': {
    kind: 'user',
    meaning: 'The rehearsal twin models only organizations with all features enabled.',
    fix: 'Plan without --rehearse, or enable all features.',
  },
  'unknown-change': {
    kind: 'internal',
    meaning: 'The applier was given a change kind it does not know (a bug in orgops).',
    fix: 'Report it with the plan file.',
  },
} as const satisfies Readonly<Record<string, ErrorCodeEntry>>;
