import type { ErrorCodeEntry } from './entry.ts';

/** Codes from `orgops quarantine` and the playbooks it follows. */
export const QUARANTINE_ERROR_CODES = {
  'playbook-invalid': {
    kind: 'user',
    meaning: 'A playbook in the config is malformed (the message names the playbook and the problem).',
    fix: 'Correct the playbook as the message says (kebab-case ids, a trigger, service:Action names, steps).',
  },
  'quarantine-account-ambiguous': {
    kind: 'user',
    meaning: 'More than one account has the name given.',
    fix: 'Name the account by its id or root email.',
  },
  'quarantine-account-not-active': {
    kind: 'user',
    meaning: 'The account is closed or closing; it can no longer be moved or tagged.',
    fix: 'Nothing to contain: nothing runs in a closed account.',
  },
  'quarantine-account-not-found': {
    kind: 'user',
    meaning: 'No account has the id, root email or name given.',
    fix: 'Check it against the similar names the message lists.',
  },
  'quarantine-config-changed': {
    kind: 'user',
    meaning:
      'The account is quarantined, but its config file changed while the quarantine ran, so orgops did not overwrite it.',
    fix: 'Run the same command again; it records the quarantine in the config.',
  },
  'quarantine-config-not-recorded': {
    kind: 'user',
    meaning:
      'The account is quarantined, but orgops could not record it in the config (the message says why and prints the entry).',
    fix: 'Add the printed entry to the account by hand, then open a pull request.',
  },
  'quarantine-guardrail-missing': {
    kind: 'user',
    meaning: 'A quarantine guardrail of the config does not exist in the organization yet.',
    fix: 'Apply the config first; orgops apply creates and attaches it.',
  },
  'quarantine-guardrail-over-limit': {
    kind: 'user',
    meaning: 'The quarantine OU already has as many policies of that type as AWS allows.',
    fix: 'Detach a policy there that the config does not list (orgops plan shows which).',
  },
  'quarantine-incomplete': {
    kind: 'user',
    meaning: 'The quarantine stopped part-way (the steps are printed above).',
    fix: 'Run the same command again; it does only what is left.',
  },
  'quarantine-management-account': {
    kind: 'user',
    meaning: 'The management account cannot be quarantined: no SCP or RCP applies to it.',
    fix: 'Contain it by its credentials: revoke role sessions, lock the root user, use break-glass.',
  },
  'quarantine-not-configured': {
    kind: 'user',
    meaning: 'The config names no quarantine OU.',
    fix: 'Add quarantine: defineQuarantine({ organizationalUnit, guardrails }) to the organization.',
  },
  'quarantine-not-management-account': {
    kind: 'user',
    meaning: 'The credentials are not the management account’s; only it can move accounts.',
    fix: 'Run with the apply role or break-glass in the management account.',
  },
  'quarantine-ou-missing': {
    kind: 'user',
    meaning: 'The quarantine OU does not exist in the organization yet.',
    fix: 'Apply the config first; orgops apply creates the OU with its guardrails.',
  },
  'quarantine-playbook-unknown': {
    kind: 'user',
    meaning: 'The playbook named does not exist or has no quarantine step.',
    fix: 'Use one of the playbooks the message lists (quarantine.playbooks).',
  },
  'quarantine-policy-type-disabled': {
    kind: 'user',
    meaning: 'A quarantine guardrail’s policy type is not enabled on the root.',
    fix: 'Apply the config first; it enables the policy types it lists.',
  },
  'quarantine-pull-request-failed': {
    kind: 'user',
    meaning:
      'The account is quarantined and the config records it, but GitHub refused or failed the pull request (its error follows).',
    fix: 'Commit the config file on a branch and open the pull request by hand; check the token can write contents and pull requests.',
  },
  'quarantine-reason-empty': {
    kind: 'user',
    meaning: 'The --reason says nothing; it is recorded on the account and in the config.',
    fix: 'Pass --reason with a ticket or a sentence.',
  },
} as const satisfies Readonly<Record<string, ErrorCodeEntry>>;
