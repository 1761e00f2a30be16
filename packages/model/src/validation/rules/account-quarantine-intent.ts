import type { Account } from '../../account.ts';
import { pathOf } from '../../organization-unit.ts';
import { controlCharacters, describeCharacters, quoted } from '../messages.ts';
import { accountPath } from '../paths.ts';
import type { Finding } from '../rule.ts';
import { defineRule } from '../rule.ts';

/** `2026-11-30T10:15:00Z`, with optional fractional seconds, in UTC: what `orgops quarantine` writes. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

export const accountQuarantineIntent = defineRule(
  {
    code: 'account-quarantine-intent',
    severity: 'error',
    description:
      "An account's `quarantine` or `release` is one of the two, on a member account, with a quarantine OU configured, a reason and UTC timestamps; a released account's parent is outside the quarantine OU.",
  },
  ({ config, collected }) =>
    collected.accounts.flatMap((a) => {
      if (!a.quarantine && !a.release) return [];
      const path = accountPath(a);
      const finding = (field: string, message: string, value: unknown, fix: string): Finding => ({
        message: `Account "${a.name}" ${message}`,
        path: `${path}.${field}`,
        site: a.site,
        value,
        fix,
      });
      const field = a.release ? 'release' : 'quarantine';
      if (a.management === true) {
        return [
          finding(
            field,
            'is the management account: no SCP or RCP applies there, so a quarantine OU cannot contain it.',
            field,
            'Remove it. Contain a compromised management account by its credentials: break-glass, the root user, and AWS Support.',
          ),
        ];
      }
      if (a.quarantine && a.release) {
        return [
          finding(
            'release',
            'has both `quarantine` and `release`: it cannot be held and let out at once.',
            'release',
            'Keep `release: { reason, quarantinedAt }` to let it out (remove `quarantine`), or remove `release` to keep it held.',
          ),
        ];
      }
      if (!config.quarantine) {
        return [
          finding(
            field,
            `has \`${field}\`, but the organization names no quarantine OU.`,
            field,
            'Add `quarantine: defineQuarantine({ organizationalUnit, guardrails })` to defineOrganization(...).',
          ),
        ];
      }
      const out = [...entryProblems(a, finding)];
      const qPath = pathOf(config.quarantine.organizationalUnit);
      if (a.release && pathOf(a.parent) === qPath) {
        out.push(
          finding(
            'release',
            `is released to its parent ${qPath}, which is the quarantine OU itself.`,
            qPath,
            'Set `parent` to the OU the account goes back to.',
          ),
        );
      }
      return out;
    }),
);

function entryProblems(
  a: Account,
  finding: (field: string, message: string, value: unknown, fix: string) => Finding,
): Finding[] {
  const field = a.release ? 'release' : 'quarantine';
  const reason = (a.release ?? a.quarantine)?.reason ?? '';
  const out: Finding[] = [];
  if (!/[\p{L}\p{N}]/u.test(reason)) {
    out.push(
      finding(
        `${field}.reason`,
        `has a ${field} reason without a letter or digit (${quoted(reason)}).`,
        reason,
        'Say why, e.g. reason: "INC-42 root login from an unknown IP".',
      ),
    );
  } else if (controlCharacters(reason).length > 0) {
    out.push(
      finding(
        `${field}.reason`,
        `has a ${field} reason with control characters (${describeCharacters(controlCharacters(reason))}).`,
        reason,
        'Write the reason on one line of plain text.',
      ),
    );
  }
  const times: [string, string | undefined][] = a.release
    ? [['release.quarantinedAt', a.release.quarantinedAt]]
    : [['quarantine.at', a.quarantine?.at]];
  for (const [at, value] of times) {
    if (value !== undefined && !TIMESTAMP.test(value)) {
      out.push(
        finding(
          at,
          `has ${at} ${quoted(value)}, which is not a UTC timestamp.`,
          value,
          'Copy the value of the account\'s orgops:quarantined-at tag, e.g. "2026-11-30T10:15:00.000Z".',
        ),
      );
    }
  }
  return out;
}
