import {
  accountTarget,
  type DesiredAccount,
  type DesiredAttachment,
  type DesiredState,
  inert,
  type OrganizationConfig,
  OrgopsError,
  type ProtectedRequest,
  type ProtectedRole,
} from '@orgops/model';
import {
  type AccountChain,
  type ChainLevel,
  createSimulator,
  type DecidingStatement,
  describeStatement,
  role,
  type Simulator,
} from '@orgops/simulate';
import { type Draft, defineLintRule } from '../rule.ts';
import { policySubject, protectedRoleSubject } from '../subjects.ts';

/** The role's own policies are not the question: only what the guardrails leave it. */
const ALLOW_EVERYTHING = {
  name: 'allow-everything',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};
/** Documents that decide by account or OU would make accounts with the same chain differ. */
const ACCOUNT_SPECIFIC = /aws:(?:Principal|Resource)(?:Account|OrgPaths)|\d{12}/i;
const NAMES_SHOWN = 5;

interface Check {
  readonly label: string;
  readonly path: string;
  readonly run: (sim: Simulator, account: DesiredAccount, chain: AccountChain) => Promise<Denial | undefined>;
}

interface Denial {
  readonly decidedBy: readonly DecidingStatement[];
}

/**
 * Break-glass is needed most in an OU nobody is in yet: the quarantine OU the day a compromised
 * account is moved there. So each OU (and the root) with no member account of its own gets a
 * probe: an account as a new one placed there would be.
 */
export function withProbes(desired: DesiredState, config: OrganizationConfig): DesiredState {
  const members = desired.accounts.filter((a) => !a.close && !a.management);
  const holders = new Set(members.map((a) => a.parentPath));
  const probes: DesiredAccount[] = ['/', ...desired.ous.map((o) => o.path)]
    .filter((path) => !holders.has(path))
    .map((path, i) => ({
      email: `orgops-lockout-probe-${i}@example.invalid`,
      name: `new account in ${path === '/' ? 'the root' : path}`,
      parentPath: path,
      tags: {},
      management: false,
    }));
  if (probes.length === 0) return desired;
  // A new account lists no policies of its own, so it gets the defaults (FullAWSAccess).
  const defaults: DesiredAttachment[] = probes.flatMap((probe) =>
    Object.entries(config.defaultPolicies ?? {}).flatMap(([type, list]) =>
      list.map((p) => ({
        policyType: type,
        policyName: p.name,
        target: accountTarget(probe.email),
        fromDefault: true,
      })),
    ),
  );
  return {
    ...desired,
    accounts: [...desired.accounts, ...probes],
    attachments: [...desired.attachments, ...defaults],
  };
}

function accountsOf(desired: DesiredState, r: ProtectedRole): DesiredAccount[] | string[] {
  const live = desired.accounts.filter((a) => !a.close);
  if (r.in === 'member-accounts') return live.filter((a) => !a.management);
  if (r.in === 'management-account') return live.filter((a) => a.management);
  const missing = r.in.filter((a) => !desired.accounts.some((d) => d.email === a.email.toLowerCase()));
  if (missing.length > 0) return missing.map((a) => a.name);
  return live.filter((a) =>
    (r.in as readonly { email: string }[]).some((x) => x.email.toLowerCase() === a.email),
  );
}

/** Accounts whose chains hold the same documents at the same levels get the same answers. */
function chainKey(chain: AccountChain): string {
  const levels = (ls: readonly ChainLevel[]) =>
    ls.map((l) => [l.target.startsWith('account:') ? 'account' : l.target, l.policies.map((p) => p.name)]);
  const docs = JSON.stringify([...chain.serviceControlPolicies, ...chain.resourceControlPolicies]);
  return JSON.stringify([
    chain.management,
    levels(chain.serviceControlPolicies),
    levels(chain.resourceControlPolicies),
    ACCOUNT_SPECIFIC.test(docs) ? chain.accountId : '',
  ]);
}

function requestCheck(r: ProtectedRole, request: ProtectedRequest, index: number): Check {
  const { action, resource, region } = typeof request === 'string' ? { action: request } : request;
  return {
    label: `${inert(action)}${region ? ` in ${inert(region)}` : ''}${resource ? ` on ${inert(resource)}` : ''}`,
    path: `protectedRoles[${inert(r.name)}].mustAllow[${index}]`,
    run: async (sim, account) => {
      const result = await sim.simulate({
        principal: role(r.name, account.email, { inlinePolicies: [ALLOW_EVERYTHING] }),
        action,
        ...(resource ? { resource } : {}),
        ...(region ? { region } : {}),
      });
      return result.decision === 'Allowed' ? undefined : { decidedBy: result.decidedBy };
    },
  };
}

function assumeCheck(r: ProtectedRole, management: DesiredAccount): Check {
  return {
    label: `sts:AssumeRole on ${inert(r.name)} from the management account`,
    path: `protectedRoles[${inert(r.name)}].assumedFromManagement`,
    run: async (sim, account, chain) => {
      // The role's trust policy is not the question either: it trusts the management account.
      const managementId = sim.chain(management.email).accountId;
      const result = await sim.simulate({
        principal: role('orgops-lockout-check', management.email, { inlinePolicies: [ALLOW_EVERYTHING] }),
        action: 'sts:AssumeRole',
        resource: `arn:aws:iam::${chain.accountId}:role/${r.name}`,
        resourceAccount: account.email,
        resourcePolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${managementId}:root` },
              Action: 'sts:AssumeRole',
            },
          ],
        },
      });
      return result.decision === 'Allowed' ? undefined : { decidedBy: result.decidedBy };
    },
  };
}

/** A request the catalogue does not know is unknown-action's finding, not a lock-out. */
async function attempt(check: Check, sim: Simulator, account: DesiredAccount, chain: AccountChain) {
  try {
    return await check.run(sim, account, chain);
  } catch (err) {
    if (err instanceof OrgopsError && err.code === 'simulation-request-invalid') return undefined;
    throw err;
  }
}

export const guardrailLockout = defineLintRule(
  {
    id: 'guardrail-lockout',
    severity: 'error',
    title: 'Guardrails lock out a protected role',
    description:
      'Every `protectedRoles` request is allowed by the SCPs and RCPs of every account the role lives in, and the role stays assumable from the management account: proved by simulation.',
  },
  async (ctx) => {
    const { config, desired } = ctx;
    const out: Draft[] = [];
    const management = desired.accounts.find((a) => a.management);
    const probed = withProbes(desired, config);
    let probeSimulator: Simulator | undefined;
    for (const r of config.protectedRoles ?? []) {
      const subject = protectedRoleSubject(r.name);
      const members = r.in === 'member-accounts';
      const accounts = accountsOf(members ? probed : desired, r);
      if (accounts.length > 0 && typeof accounts[0] === 'string') {
        out.push({
          message: `protected role ${inert(r.name)} lives in accounts that are not in config (${(accounts as string[]).map(inert).join(', ')}), so it cannot be checked there.`,
          fix: 'List those accounts in `accounts`, or remove them from the protected role.',
          path: `protectedRoles[${inert(r.name)}].in`,
          subject,
          site: r.site,
        });
        continue;
      }
      if (members && probed !== desired) probeSimulator ??= createSimulator(probed);
      const sim = members && probeSimulator ? probeSimulator : ctx.simulator();
      const groups = new Map<
        string,
        { account: DesiredAccount; chain: AccountChain; all: DesiredAccount[] }
      >();
      for (const account of accounts as DesiredAccount[]) {
        const chain = sim.chain(account.email);
        const key = chainKey(chain);
        const group = groups.get(key);
        if (group) group.all.push(account);
        else groups.set(key, { account, chain, all: [account] });
      }
      const checks = r.mustAllow.map((req, i) => requestCheck(r, req, i));
      if (r.assumedFromManagement && management) checks.push(assumeCheck(r, management));
      for (const check of checks) {
        const denied = new Map<
          string,
          { accounts: DesiredAccount[]; decidedBy: readonly DecidingStatement[] }
        >();
        for (const group of groups.values()) {
          const denial = await attempt(check, sim, group.account, group.chain);
          if (!denial) continue;
          const by = denial.decidedBy.map(describeStatement).join('; ') || 'no policy allows it';
          const entry = denied.get(by) ?? { accounts: [], decidedBy: denial.decidedBy };
          entry.accounts.push(...group.all);
          denied.set(by, entry);
        }
        for (const [by, { accounts: where, decidedBy }] of denied) {
          const names = where.slice(0, NAMES_SHOWN).map((a) => inert(a.name));
          const more = where.length > NAMES_SHOWN ? `, … ${where.length - NAMES_SHOWN} more` : '';
          const decider = decidedBy.length === 1 && !decidedBy[0]?.implicit ? decidedBy[0] : undefined;
          const policy = decider?.policy
            ? desired.policies.find(
                (p) =>
                  p.name === decider.policy &&
                  (decider.policyType === 'scp'
                    ? p.type === 'SERVICE_CONTROL_POLICY'
                    : p.type === 'RESOURCE_CONTROL_POLICY'),
              )
            : undefined;
          out.push({
            message: `protected role ${inert(r.name)} is locked out: ${check.label} is denied in ${where.length} account${where.length === 1 ? '' : 's'} (${names.join(', ')}${more}) by ${inert(by)}.`,
            fix: `Exempt the role in that statement (arn:aws:iam::*:role/${inert(r.name)} in its aws:PrincipalArn exemption), or narrow the statement so it leaves this request alone.`,
            path: check.path,
            subject: policy ? policySubject(policy) : subject,
            site: policy?.site ?? r.site,
            value: where.map((a) => a.name),
          });
        }
      }
    }
    return out;
  },
);
