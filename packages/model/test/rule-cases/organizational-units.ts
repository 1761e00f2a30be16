import { account, type OrganizationalUnit, organizationalUnit, type Parent } from '../../src/index.ts';
import { addingTo } from '../../src/testing/index.ts';
import { baseline } from '../fixture.ts';
import type { RuleCase } from './case.ts';

const withOus = addingTo(baseline, 'organizationalUnits').config;

/** A chain of `depth` nested OUs under the root, every one listed. */
const chain = (depth: number): OrganizationalUnit[] => {
  const out: OrganizationalUnit[] = [];
  let parent: Parent = baseline().root;
  for (let i = 1; i <= depth; i++) {
    const ou: OrganizationalUnit = organizationalUnit(`L${i}`, { parent });
    out.push(ou);
    parent = ou;
  }
  return out;
};

export const ouCases: RuleCase[] = [
  {
    code: 'ou-name',
    name: 'name longer than 128 characters',
    compliant: () => withOus(organizationalUnit('n'.repeat(128), { parent: baseline().root })),
    nonCompliant: () => {
      const ou = organizationalUnit('n'.repeat(129), { parent: baseline().root });
      return { config: withOus(ou), site: ou.site };
    },
    path: `organizationalUnits[/${'n'.repeat(129)}].name`,
    fix: '1–128 characters',
    message: /is 129 characters; AWS allows 1–128 \(AWS limit, orgops limits table 2026-05-15\)/,
  },
  {
    code: 'ou-name',
    name: 'name with a slash',
    compliant: () => withOus(organizationalUnit('Prod (EU)', { parent: baseline().root })),
    nonCompliant: () => {
      const ou = organizationalUnit('Prod/EU', { parent: baseline().root });
      return { config: withOus(ou), site: ou.site };
    },
    path: 'organizationalUnits[/Prod\\/EU].name',
    fix: 'e.g. "Prod-EU"',
    value: 'Prod/EU',
  },
  {
    code: 'ou-duplicate-path',
    name: 'two OU objects named Security under the root',
    compliant: () => withOus(organizationalUnit('Security-Tooling', { parent: baseline().root })),
    nonCompliant: () => {
      const b = baseline();
      const twin = organizationalUnit('Security', { parent: b.root });
      return {
        config: b.with({ organizationalUnits: [...b.options.organizationalUnits, twin] }),
        site: twin.site,
      };
    },
    path: 'organizationalUnits[/Security]',
    fix: 'Create the OU once',
    value: '/Security',
  },
  {
    code: 'ou-depth',
    name: 'six levels of OUs',
    compliant: () => withOus(...chain(5)),
    nonCompliant: () => {
      const ous = chain(6);
      return { config: withOus(...ous), site: ous[5]!.site };
    },
    path: 'organizationalUnits[/L1/L2/L3/L4/L5/L6]',
    fix: 'no OU is more than 5 levels below the root',
    message:
      /is 6 levels deep; AWS allows at most 5 levels under the root \(AWS limit, orgops limits table 2026-05-15\)/,
    value: 6,
  },
  {
    code: 'reference-account-parent',
    name: 'account placed in an OU that is not listed',
    compliant: () => {
      const b = baseline();
      const sandbox = organizationalUnit('Sandbox', { parent: b.root });
      const a = account({ name: 'sandbox-1', email: 'aws+sandbox-1@example.com', parent: sandbox });
      return b.with({
        organizationalUnits: [...b.options.organizationalUnits, sandbox],
        accounts: [...b.options.accounts, a],
      });
    },
    nonCompliant: () => {
      const b = baseline();
      const sandbox = organizationalUnit('Sandbox', { parent: b.root });
      const a = account({ name: 'sandbox-1', email: 'aws+sandbox-1@example.com', parent: sandbox });
      return { config: b.with({ accounts: [...b.options.accounts, a] }), site: a.site };
    },
    path: 'accounts[sandbox-1].parent',
    fix: 'Add the OU "Sandbox" to `organizationalUnits`',
    value: '/Sandbox',
  },
  {
    code: 'reference-ou-parent',
    name: 'OU whose parent OU is not listed',
    compliant: () => {
      const dept = organizationalUnit('Dept', { parent: baseline().root });
      return withOus(dept, organizationalUnit('Team', { parent: dept }));
    },
    nonCompliant: () => {
      const dept = organizationalUnit('Dept', { parent: baseline().root });
      const team = organizationalUnit('Team', { parent: dept });
      return { config: withOus(team), site: team.site };
    },
    path: 'organizationalUnits[/Dept/Team].parent',
    fix: 'Add the OU "Dept"',
    value: '/Dept',
  },
];
