import {
  accountTarget,
  type DesiredAccount,
  type DesiredState,
  inert,
  type OrganizationPolicy,
  policyTypeLabel,
  RCP,
  SCP,
  type Site,
} from '@orgops/model';
import { type Draft, defineLintRule } from '../rule.ts';
import { accountSubject, ouSubject, ROOT_SUBJECT, type Subject } from '../subjects.ts';

/** SCPs and RCPs bind no principal or resource of the management account. */
const NOT_IN_MANAGEMENT = new Set<string>([SCP, RCP]);

interface Gap {
  readonly subject: Subject;
  readonly path: string;
  readonly site?: Site;
  readonly accounts: number;
}

/**
 * The targets whose accounts do not have `policy` in force, each reported at the highest level
 * that lacks it entirely: an OU when nothing below it has the policy either, else its children.
 */
function gaps(desired: DesiredState, policy: OrganizationPolicy): Gap[] {
  const attached = new Set(
    desired.attachments
      .filter((a) => a.policyType === policy.type && a.policyName === policy.name)
      .map((a) => a.target),
  );
  const bound = (a: DesiredAccount) => !(a.management && NOT_IN_MANAGEMENT.has(policy.type));
  const childOus = (path: string) => desired.ous.filter((o) => o.parentPath === path);
  const childAccounts = (path: string) => desired.accounts.filter((a) => a.parentPath === path && bound(a));
  /** Accounts below `path` (inclusive of sub-OUs) lacking the policy, given nothing above has it. */
  const missing = (path: string): number => {
    if (attached.has(path)) return 0;
    const direct = childAccounts(path).filter((a) => !attached.has(accountTarget(a.email))).length;
    return direct + childOus(path).reduce((n, o) => n + missing(o.path), 0);
  };
  const total = (path: string): number =>
    childAccounts(path).length + childOus(path).reduce((n, o) => n + total(o.path), 0);
  const anyBelow = (path: string): boolean =>
    childOus(path).some((o) => attached.has(o.path) || anyBelow(o.path)) ||
    childAccounts(path).some((a) => attached.has(accountTarget(a.email)));

  const out: Gap[] = [];
  const visit = (path: string): void => {
    if (attached.has(path)) return;
    if (!anyBelow(path)) {
      const ou = desired.ous.find((o) => o.path === path);
      out.push({
        subject: ou ? ouSubject(path) : ROOT_SUBJECT,
        path: ou ? `organizationalUnits[${inert(path)}]` : 'root',
        site: ou?.site,
        accounts: total(path),
      });
      return;
    }
    for (const a of childAccounts(path)) {
      if (!attached.has(accountTarget(a.email)))
        out.push({
          subject: accountSubject(a),
          path: `accounts[${inert(a.name)}]`,
          site: a.site,
          accounts: 1,
        });
    }
    for (const o of childOus(path)) if (missing(o.path) > 0 || total(o.path) === 0) visit(o.path);
  };
  visit('/');
  return out;
}

export const baselineGuardrailMissing = defineLintRule(
  {
    id: 'baseline-guardrail-missing',
    severity: 'error',
    title: 'Baseline guardrail missing',
    description:
      "Every OU and account has each of the organization's `baseline` policies in force: attached to it, an OU above it or the root.",
  },
  ({ config, desired }) =>
    (config.baseline ?? []).flatMap((policy): Draft[] =>
      gaps(desired, policy).map((gap) => {
        const label = `${policyTypeLabel(policy.type)} ${JSON.stringify(inert(policy.name))}`;
        const below =
          gap.subject.kind === 'account'
            ? ''
            : ` (${gap.accounts} account${gap.accounts === 1 ? '' : 's'} below, none of them covered)`;
        return {
          message: `${gap.subject.label} is missing the baseline ${label}${below}: config.baseline says every account must have it in force.`,
          fix: `Attach ${inert(policy.name)} to ${gap.subject.kind === 'root' ? 'the root' : `${gap.subject.label} or an OU above it`} (policies: [...]), or waive this finding for it with the reason.`,
          path: gap.path,
          subject: gap.subject,
          site: gap.site ?? (gap.subject.kind === 'root' ? config.root.site : policy.site),
          value: policy.name,
        };
      }),
    ),
);
