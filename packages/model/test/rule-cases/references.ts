import { account, assign, organizationalUnit, trustedService } from '../../src/index.ts';
import { variantPair } from '../../src/testing/index.ts';
import { baseline } from '../fixture.ts';
import type { RuleCase } from './case.ts';

type Baseline = ReturnType<typeof baseline>;

const stranger = () =>
  account({ name: 'stranger', email: 'aws+stranger@example.com', parent: baseline().root });

/** Security Hub delegated to a listed member account: the compliant delegation. */
const securityHubInLogArchive = (b: Baseline) => ({
  trustedServices: [trustedService('securityhub.amazonaws.com', { delegatedAdministrator: b.logArchive })],
});

export const referenceCases: RuleCase[] = [
  {
    code: 'reference-delegated-administrator',
    name: 'delegated administrator not listed in accounts',
    ...variantPair(baseline, {
      compliant: securityHubInLogArchive,
      nonCompliant: () => {
        const s = trustedService('securityhub.amazonaws.com', { delegatedAdministrator: stranger() });
        return { overrides: { trustedServices: [s] }, site: s.site };
      },
    }),
    path: 'trustedServices[securityhub.amazonaws.com].delegatedAdministrator',
    fix: 'Add the account "stranger" to `accounts`',
    value: 'aws+stranger@example.com',
  },
  {
    code: 'reference-delegated-administrator-member',
    name: 'the management account as delegated administrator',
    ...variantPair(baseline, {
      compliant: securityHubInLogArchive,
      nonCompliant: (b) => {
        const s = trustedService('securityhub.amazonaws.com', { delegatedAdministrator: b.management });
        return { overrides: { trustedServices: [s] }, site: s.site };
      },
    }),
    path: 'trustedServices[securityhub.amazonaws.com].delegatedAdministrator',
    fix: 'Delegate securityhub.amazonaws.com to a member account',
    message: /CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR/,
  },
  {
    code: 'reference-assignment-target',
    name: 'target account not listed',
    ...variantPair(baseline, {
      compliant: (b) => ({ assignments: [assign(b.developers, b.readOnly, [b.payments])] }),
      nonCompliant: (b) => {
        const a = assign(b.developers, b.readOnly, [stranger()]);
        return { overrides: { assignments: [a] }, site: a.site };
      },
    }),
    path: 'assignments[Developers:ReadOnly].targets[0]',
    fix: 'Add the account "stranger" to `accounts`',
  },
  {
    code: 'reference-assignment-target',
    name: 'excluded account not listed',
    ...variantPair(baseline, {
      compliant: (b) => ({
        assignments: [assign(b.developers, b.readOnly, [b.root], { exclude: [b.management] })],
      }),
      nonCompliant: (b) => {
        const a = assign(b.developers, b.readOnly, [b.root], { exclude: [stranger()] });
        return { overrides: { assignments: [a] }, site: a.site };
      },
    }),
    path: 'assignments[Developers:ReadOnly].exclude[0]',
    fix: 'or remove it from `exclude`',
  },
  {
    code: 'reference-assignment-target',
    name: 'target OU not listed',
    ...variantPair(baseline, {
      compliant: (b) => ({ assignments: [assign(b.developers, b.readOnly, [b.prod])] }),
      nonCompliant: (b) => {
        const a = assign(b.developers, b.readOnly, [organizationalUnit('Sandbox', { parent: b.root })]);
        return { overrides: { assignments: [a] }, site: a.site };
      },
    }),
    path: 'assignments[Developers:ReadOnly].targets[0]',
    fix: 'Add the OU "Sandbox"',
    value: '/Sandbox',
  },
  {
    code: 'trusted-service-conflict',
    name: 'service both trusted and disabled',
    ...variantPair(baseline, {
      compliant: () => ({ disable: { trustedServices: ['config.amazonaws.com'] } }),
      nonCompliant: (b) => ({
        overrides: { disable: { trustedServices: ['guardduty.amazonaws.com'] } },
        site: b.guardduty.site,
      }),
    }),
    path: 'trustedServices[guardduty.amazonaws.com]',
    fix: "remove 'guardduty.amazonaws.com' from disable.trustedServices",
  },
  {
    code: 'ignore-conflict',
    name: 'managed SCP matches an ignored policy pattern',
    ...variantPair(baseline, {
      compliant: () => ({ ignore: { policies: ['aws-guardrails-*', 'deny-leave'] } }),
      nonCompliant: (b) => ({
        overrides: { ignore: { policies: ['aws-guardrails-*', 'deny-*'] } },
        site: b.denyLeave.site,
      }),
    }),
    path: 'root.policies[deny-leave-organization]',
    fix: 'narrow or remove the pattern "deny-*" in ignore.policies',
    message: /matches ignore pattern "deny-\*" \(ignore.policies\[1\]\)/,
    value: 'deny-*',
  },
  {
    code: 'ignore-conflict',
    name: 'managed permission set matches an ignored pattern',
    ...variantPair(baseline, {
      compliant: () => ({ ignore: { permissionSets: ['AWSControlTower*', 'Read'] } }),
      nonCompliant: (b) => ({ overrides: { ignore: { permissionSets: ['Read*'] } }, site: b.readOnly.site }),
    }),
    path: 'permissionSets[ReadOnly]',
    fix: 'Read*',
  },
  {
    code: 'ignore-conflict',
    name: 'managed OU under an ignored OU',
    ...variantPair(baseline, {
      compliant: () => ({ ignore: { organizationalUnits: ['/Control Tower*'] } }),
      nonCompliant: (b) => ({
        overrides: { ignore: { organizationalUnits: ['/Workloads'] } },
        site: b.prod.site,
      }),
    }),
    path: 'organizationalUnits[/Workloads/Prod]',
    fix: 'ignore.organizationalUnits',
    message:
      /OU \/Workloads\/Prod .*"\/Workloads" \(ignore.organizationalUnits\[0\], which covers everything under \/Workloads\)/,
  },
  {
    code: 'ignore-conflict',
    name: 'managed account matches an ignored account id',
    ...variantPair(baseline, {
      compliant: () => ({ ignore: { accounts: ['999999999999'] } }),
      nonCompliant: (b) => ({ overrides: { ignore: { accounts: ['222222222222'] } }, site: b.payments.site }),
    }),
    path: 'accounts[payments-prod]',
    fix: 'ignore.accounts',
  },
];
