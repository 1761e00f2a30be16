import { account, assign, organizationalUnit, trustedService } from '../../src/index.ts';
import { baseline } from '../fixture.ts';
import type { RuleCase } from './case.ts';

const stranger = () =>
  account({ name: 'stranger', email: 'aws+stranger@example.com', parent: baseline().root });

export const referenceCases: RuleCase[] = [
  {
    code: 'reference-delegated-administrator',
    name: 'delegated administrator not listed in accounts',
    compliant: () => {
      const b = baseline();
      return b.with({
        trustedServices: [
          trustedService('securityhub.amazonaws.com', { delegatedAdministrator: b.logArchive }),
        ],
      });
    },
    nonCompliant: () => {
      const b = baseline();
      const s = trustedService('securityhub.amazonaws.com', { delegatedAdministrator: stranger() });
      return { config: b.with({ trustedServices: [s] }), site: s.site };
    },
    path: 'trustedServices[securityhub.amazonaws.com].delegatedAdministrator',
    fix: 'Add the account "stranger" to `accounts`',
    value: 'aws+stranger@example.com',
  },
  {
    code: 'reference-delegated-administrator-member',
    name: 'the management account as delegated administrator',
    compliant: () => {
      const b = baseline();
      return b.with({
        trustedServices: [
          trustedService('securityhub.amazonaws.com', { delegatedAdministrator: b.logArchive }),
        ],
      });
    },
    nonCompliant: () => {
      const b = baseline();
      const s = trustedService('securityhub.amazonaws.com', { delegatedAdministrator: b.management });
      return { config: b.with({ trustedServices: [s] }), site: s.site };
    },
    path: 'trustedServices[securityhub.amazonaws.com].delegatedAdministrator',
    fix: 'Delegate securityhub.amazonaws.com to a member account',
    message: /CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR/,
  },
  {
    code: 'reference-assignment-target',
    name: 'target account not listed',
    compliant: () => {
      const b = baseline();
      return b.with({ assignments: [assign(b.developers, b.readOnly, [b.payments])] });
    },
    nonCompliant: () => {
      const b = baseline();
      const a = assign(b.developers, b.readOnly, [stranger()]);
      return { config: b.with({ assignments: [a] }), site: a.site };
    },
    path: 'assignments[Developers:ReadOnly].targets[0]',
    fix: 'Add the account "stranger" to `accounts`',
  },
  {
    code: 'reference-assignment-target',
    name: 'excluded account not listed',
    compliant: () => {
      const b = baseline();
      return b.with({
        assignments: [assign(b.developers, b.readOnly, [b.root], { exclude: [b.management] })],
      });
    },
    nonCompliant: () => {
      const b = baseline();
      const a = assign(b.developers, b.readOnly, [b.root], { exclude: [stranger()] });
      return { config: b.with({ assignments: [a] }), site: a.site };
    },
    path: 'assignments[Developers:ReadOnly].exclude[0]',
    fix: 'or remove it from `exclude`',
  },
  {
    code: 'reference-assignment-target',
    name: 'target OU not listed',
    compliant: () => {
      const b = baseline();
      return b.with({ assignments: [assign(b.developers, b.readOnly, [b.prod])] });
    },
    nonCompliant: () => {
      const b = baseline();
      const a = assign(b.developers, b.readOnly, [organizationalUnit('Sandbox', { parent: b.root })]);
      return { config: b.with({ assignments: [a] }), site: a.site };
    },
    path: 'assignments[Developers:ReadOnly].targets[0]',
    fix: 'Add the OU "Sandbox"',
    value: '/Sandbox',
  },
  {
    code: 'trusted-service-conflict',
    name: 'service both trusted and disabled',
    compliant: () => baseline().with({ disable: { trustedServices: ['config.amazonaws.com'] } }),
    nonCompliant: () => {
      const b = baseline();
      return {
        config: b.with({ disable: { trustedServices: ['guardduty.amazonaws.com'] } }),
        site: b.guardduty.site,
      };
    },
    path: 'trustedServices[guardduty.amazonaws.com]',
    fix: "remove 'guardduty.amazonaws.com' from disable.trustedServices",
  },
  {
    code: 'ignore-conflict',
    name: 'managed SCP matches an ignored policy pattern',
    compliant: () => baseline().with({ ignore: { policies: ['aws-guardrails-*', 'deny-leave'] } }),
    nonCompliant: () => {
      const b = baseline();
      return {
        config: b.with({ ignore: { policies: ['aws-guardrails-*', 'deny-*'] } }),
        site: b.denyLeave.site,
      };
    },
    path: 'root.policies[deny-leave-organization]',
    fix: 'narrow or remove the pattern "deny-*" in ignore.policies',
    message: /matches ignore pattern "deny-\*" \(ignore.policies\[1\]\)/,
    value: 'deny-*',
  },
  {
    code: 'ignore-conflict',
    name: 'managed permission set matches an ignored pattern',
    compliant: () => baseline().with({ ignore: { permissionSets: ['AWSControlTower*', 'Read'] } }),
    nonCompliant: () => {
      const b = baseline();
      return { config: b.with({ ignore: { permissionSets: ['Read*'] } }), site: b.readOnly.site };
    },
    path: 'permissionSets[ReadOnly]',
    fix: 'Read*',
  },
  {
    code: 'ignore-conflict',
    name: 'managed OU under an ignored OU',
    compliant: () => baseline().with({ ignore: { organizationalUnits: ['/Control Tower*'] } }),
    nonCompliant: () => {
      const b = baseline();
      return { config: b.with({ ignore: { organizationalUnits: ['/Workloads'] } }), site: b.prod.site };
    },
    path: 'organizationalUnits[/Workloads/Prod]',
    fix: 'ignore.organizationalUnits',
    message:
      /OU \/Workloads\/Prod .*"\/Workloads" \(ignore.organizationalUnits\[0\], which covers everything under \/Workloads\)/,
  },
  {
    code: 'ignore-conflict',
    name: 'managed account matches an ignored account id',
    compliant: () => baseline().with({ ignore: { accounts: ['999999999999'] } }),
    nonCompliant: () => {
      const b = baseline();
      return { config: b.with({ ignore: { accounts: ['222222222222'] } }), site: b.payments.site };
    },
    path: 'accounts[payments-prod]',
    fix: 'ignore.accounts',
  },
];
