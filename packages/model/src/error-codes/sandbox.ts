import type { ErrorCodeEntry } from './entry.ts';

/** Codes from the sandbox backend's state file. */
export const SANDBOX_ERROR_CODES = {
  'sandbox-corrupt': {
    kind: 'user',
    meaning: 'The sandbox file is not valid JSON.',
    fix: 'Delete the file to start from the default organization, or restore it.',
  },
  'sandbox-invalid': {
    kind: 'user',
    meaning: 'The sandbox file is JSON but not a valid sandbox organization.',
    fix: 'Fix the problems listed, or delete the file to start over.',
  },
  'sandbox-locked': {
    kind: 'user',
    meaning: 'Another orgops run holds the sandbox’s lock.',
    fix: 'Wait for it to finish (or raise --lock-timeout); delete a lock left by a dead run.',
  },
  'sandbox-read-only': {
    kind: 'internal',
    meaning: 'A sandbox opened read-only was asked to change (a bug in orgops).',
    fix: 'Report it with the command.',
  },
  'sandbox-version': {
    kind: 'user',
    meaning: 'The sandbox file has a state version this orgops does not read.',
    fix: 'Delete the file to start over, or use the orgops that wrote it.',
  },
} as const satisfies Readonly<Record<string, ErrorCodeEntry>>;
