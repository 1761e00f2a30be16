import {
  account,
  defineQuarantine,
  FullAWSAccess,
  type OrganizationConfig,
  type OrganizationPolicy,
  organizationalUnit,
} from '../../src/index.ts';
import { denyAllPolicy, denyAllResourcesPolicy } from '../../src/testing/index.ts';
import { baseline } from '../fixture.ts';
import type { RuleCase } from './case.ts';

const denyAll = denyAllPolicy();
const denyResources = denyAllResourcesPolicy();

/** The baseline with a Suspended OU and its quarantine; `tweak` changes the parts a case needs. */
function quarantined(
  tweak: {
    ouPolicies?: OrganizationPolicy[];
    guardrails?: OrganizationPolicy[];
    listOu?: boolean;
    ignoreOu?: boolean;
    accounts?: (s: ReturnType<typeof organizationalUnit>) => ReturnType<typeof account>[];
  } = {},
): { config: OrganizationConfig; site?: ReturnType<typeof defineQuarantine>['site'] } {
  const b = baseline();
  const suspended = organizationalUnit('Suspended', {
    parent: b.root,
    policies: tweak.ouPolicies ?? [FullAWSAccess, denyAll, denyResources],
  });
  const q = defineQuarantine({
    organizationalUnit: suspended,
    guardrails: tweak.guardrails ?? [denyAll, denyResources],
  });
  const extra = tweak.accounts?.(suspended) ?? [];
  const config = b.with({
    organizationalUnits:
      tweak.listOu === false ? b.options.organizationalUnits : [...b.options.organizationalUnits, suspended],
    accounts: [...b.options.accounts, ...extra],
    quarantine: q,
    ...(tweak.ignoreOu ? { ignore: { ...b.options.ignore, organizationalUnits: ['/Susp*'] } } : {}),
  });
  return { config, site: q.site };
}

/** A config with an account "held" built from `fields`; its diagnostics point at that account. */
const held = (fields: Partial<Parameters<typeof account>[0]>, parent?: 'suspended') => {
  let a: ReturnType<typeof account> | undefined;
  const { config } = quarantined({
    accounts: (s) => {
      a = account({
        name: 'held',
        email: 'aws+held@example.com',
        parent: parent === 'suspended' ? s : baseline().root,
        ...fields,
      });
      return [a];
    },
  });
  return { config, site: a?.site };
};

const AT = '2026-11-30T10:15:00.000Z';

export const quarantineCases: RuleCase[] = [
  {
    code: 'reference-quarantine-ou',
    name: 'quarantine OU not listed',
    compliant: () => quarantined().config,
    nonCompliant: () => quarantined({ listOu: false }),
    path: 'quarantine.organizationalUnit',
    fix: 'Add the OU "Suspended" to `organizationalUnits`',
    value: '/Suspended',
  },
  {
    code: 'reference-quarantine-ou',
    name: 'quarantine OU ignored',
    compliant: () => quarantined().config,
    nonCompliant: () => quarantined({ ignoreOu: true }),
    path: 'quarantine.organizationalUnit',
    fix: 'Narrow the ignore.organizationalUnits pattern',
    alsoReports: ['ignore-conflict'],
  },
  {
    code: 'quarantine-guardrails',
    name: 'no SCP among the guardrails',
    compliant: () => quarantined().config,
    nonCompliant: () => quarantined({ guardrails: [denyResources] }),
    path: 'quarantine.guardrails',
    fix: 'Add a deny-all SCP',
    message: /without an SCP nothing stops the principals inside/,
  },
  {
    code: 'quarantine-guardrails',
    name: 'a guardrail not attached to the quarantine OU',
    compliant: () => quarantined().config,
    nonCompliant: () => quarantined({ ouPolicies: [FullAWSAccess, denyResources] }),
    path: 'quarantine.guardrails[0]',
    fix: "organizationalUnit('Suspended', { policies: [...] })",
    value: 'deny-all',
    alsoReports: ['policy-type-not-enabled'],
  },
  {
    code: 'account-quarantine-intent',
    name: 'quarantine and release together',
    compliant: () => held({ quarantine: { reason: 'INC-42', at: AT } }).config,
    nonCompliant: () => held({ quarantine: { reason: 'INC-42' }, release: { reason: 'done' } }),
    path: 'accounts[held].release',
    fix: 'remove `release` to keep it held',
  },
  {
    code: 'account-quarantine-intent',
    name: 'release to the quarantine OU itself',
    compliant: () => held({ release: { reason: 'INC-42 closed', quarantinedAt: AT } }).config,
    nonCompliant: () => held({ release: { reason: 'INC-42 closed', quarantinedAt: AT } }, 'suspended'),
    path: 'accounts[held].release',
    fix: 'Set `parent` to the OU the account goes back to',
  },
  {
    code: 'account-quarantine-intent',
    name: 'a reason without words',
    compliant: () => held({ quarantine: { reason: 'x' } }).config,
    nonCompliant: () => held({ quarantine: { reason: ' ?! ' } }),
    path: 'accounts[held].quarantine.reason',
    fix: 'Say why',
  },
  {
    code: 'account-quarantine-intent',
    name: 'a release time that is not a UTC timestamp',
    compliant: () =>
      held({ release: { reason: 'INC-42 closed', quarantinedAt: '2026-11-30T10:15:00Z' } }).config,
    nonCompliant: () => held({ release: { reason: 'INC-42 closed', quarantinedAt: '30/11/2026' } }),
    path: 'accounts[held].release.quarantinedAt',
    fix: 'orgops:quarantined-at',
    value: '30/11/2026',
  },
  {
    code: 'account-quarantine-intent',
    name: 'quarantine without a quarantine OU configured',
    compliant: () => held({ quarantine: { reason: 'INC-42' } }).config,
    nonCompliant: () => {
      const b = baseline();
      const a = account({
        name: 'held',
        email: 'aws+held@example.com',
        parent: b.root,
        quarantine: { reason: 'INC-42' },
      });
      return { config: b.with({ accounts: [...b.options.accounts, a] }), site: a.site };
    },
    path: 'accounts[held].quarantine',
    fix: 'defineQuarantine',
  },
  {
    code: 'account-quarantine-intent',
    name: 'the management account quarantined (plain JavaScript config)',
    compliant: () => held({ quarantine: { reason: 'INC-42' } }).config,
    nonCompliant: () => {
      const { config } = quarantined();
      const [management, ...rest] = config.accounts;
      const m = { ...management!, quarantine: { reason: 'INC-42' } };
      return { config: { ...config, accounts: [m, ...rest] }, site: m.site };
    },
    path: 'accounts[management].quarantine',
    fix: 'break-glass',
  },
  {
    code: 'account-quarantine-tags',
    name: 'a quarantine tag set in config',
    compliant: () => held({ tags: { 'orgops:owner': 'platform' } }).config,
    nonCompliant: () => held({ tags: { 'orgops:quarantine-reason': 'INC-42' } }),
    path: 'accounts[held].tags["orgops:quarantine-reason"]',
    fix: 'Remove the tag',
  },
];
