import type { ErrorCodeEntry } from './entry.ts';

/** Codes from the guardrail library's options. */
export const GUARDRAIL_ERROR_CODES = {
  'guardrail-condition-conflict': {
    kind: 'internal',
    meaning: 'A guardrail statement sets the same condition key twice (a bug in the guardrail).',
    fix: 'Report it with the guardrail and its options.',
  },
  'guardrail-exemption-invalid': {
    kind: 'user',
    meaning: 'A guardrail exemption is not an IAM role or user ARN pattern.',
    fix: 'Use a role ARN such as arn:aws:iam::*:role/orgops-apply (not an sts assumed-role ARN).',
  },
  'guardrail-options-invalid': {
    kind: 'user',
    meaning: 'A guardrail option is empty or malformed (the message names which).',
    fix: 'Correct the option as the message says.',
  },
} as const satisfies Readonly<Record<string, ErrorCodeEntry>>;
