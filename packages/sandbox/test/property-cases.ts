import type { Foreign } from './property-console.ts';
import type { Scenario } from './property-scenario.ts';
import type { IgnoreSpec } from './property-world.ts';

const NOTHING_FOREIGN: Foreign = {
  ctOu: false,
  vendor: 'none',
  guardrails: 0,
  ctPermissionSet: false,
  identityCenter: true,
};
const NO_IGNORE: IgnoreSpec = { ous: 'none', accounts: 'none', policies: 'none', permissionSets: false };
const CT_IGNORED: IgnoreSpec = {
  ous: 'exact',
  accounts: 'lower',
  policies: 'guardrails',
  permissionSets: true,
};

function scenario(parts: Partial<Scenario> & Pick<Scenario, 'first'>): Scenario {
  return { foreign: NOTHING_FOREIGN, ignore: NO_IGNORE, steps: [], ...parts };
}

/**
 * Each defect issue 13 lists, written in the generator's own vocabulary (mutations and console
 * edits) and run through the same property machinery: proof that the generator can express it
 * and the oracle catches it, and a fixed regression case that runs on every `pnpm test`. The
 * random runs find these and their variants too, at a rate that depends on the run count.
 */
export const ISSUE_13_CASES: readonly {
  readonly item: string;
  readonly title: string;
  readonly scenario: Scenario;
}[] = [
  {
    item: '1',
    title: 'Control Tower guardrails crowd declared SCPs out of an OU',
    scenario: scenario({
      foreign: { ...NOTHING_FOREIGN, guardrails: 2 },
      ignore: { ...NO_IGNORE, policies: 'guardrails' },
      first: [{ k: 'add-ou', slot: 0, name: 'Prod', parent: 'root', tags: {} }],
      steps: [
        {
          console: [
            { k: 'attach-guardrail', guardrail: 0, target: 'busiest' },
            { k: 'attach-guardrail', guardrail: 1, target: 'busiest' },
          ],
          mutations: [{ k: 'ou-bulk', slot: 0, bulk: 9 }],
        },
      ],
    }),
  },
  {
    item: '2',
    title: 'closing an account drops its move and retag',
    scenario: scenario({
      first: [
        { k: 'add-ou', slot: 0, name: 'Prod', parent: 'root', tags: {} },
        { k: 'add-ou', slot: 1, name: 'Suspended', parent: 'root', tags: {} },
        { k: 'add-account', slot: 0, parent: 0, tags: { env: 'a' } },
      ],
      steps: [{ console: [], mutations: [{ k: 'close-account', slot: 0, parent: 1, tags: { env: 'b' } }] }],
    }),
  },
  {
    item: '2',
    title: 'closing an account whose old OU is removed in the same change',
    scenario: scenario({
      first: [
        { k: 'add-ou', slot: 0, name: 'Prod', parent: 'root', tags: {} },
        { k: 'add-ou', slot: 1, name: 'Suspended', parent: 'root', tags: {} },
        { k: 'add-account', slot: 0, parent: 0, tags: {} },
      ],
      steps: [
        {
          console: [],
          mutations: [
            { k: 'close-account', slot: 0, parent: 1 },
            { k: 'remove-ou', slot: 0 },
          ],
        },
      ],
    }),
  },
  {
    item: '3',
    title: 'OU rename reusing the old name: the account must follow the name',
    scenario: scenario({
      first: [
        { k: 'add-ou', slot: 0, name: 'Prod', parent: 'root', tags: {} },
        { k: 'add-account', slot: 0, parent: 0, tags: {} },
      ],
      steps: [
        { console: [], mutations: [{ k: 'rename-reuse-ou', slot: 0, name: 'Legacy', other: 1, account: 0 }] },
      ],
    }),
  },
  {
    item: '4',
    title: 'a top-level OU named "Prod/EU" is not /Prod/EU',
    scenario: scenario({
      first: [
        { k: 'add-ou', slot: 0, name: 'Prod', parent: 'root', tags: {} },
        { k: 'add-ou', slot: 1, name: 'EU', parent: 0, tags: {} },
        { k: 'add-account', slot: 0, parent: 1, tags: {} },
        { k: 'add-scp', slot: 0, name: 'deny-s3', variant: 0 },
        { k: 'ou-policies', slot: 0, scps: 1, fullAccess: true, tagPolicy: false },
      ],
      steps: [{ console: [{ k: 'create-ou', parent: 0, name: 'mirror', slot: 0 }], mutations: [] }],
    }),
  },
  {
    item: '5',
    title: 'policy rename reusing the old name',
    scenario: scenario({
      first: [{ k: 'add-scp', slot: 0, name: 'deny-regions', variant: 0 }],
      steps: [
        {
          console: [],
          mutations: [{ k: 'rename-scp', slot: 0, name: 'deny-regions-legacy', reuse: 1, variant: 3 }],
        },
      ],
    }),
  },
  {
    item: '6',
    title: 'a permission set change reaches the ignored vendor account too',
    scenario: scenario({
      foreign: { ...NOTHING_FOREIGN, vendor: 'root' },
      ignore: { ...NO_IGNORE, accounts: 'lower' },
      first: [{ k: 'permission-set', slot: 0, spec: { session: 0, managed: 1, inline: false } }],
      steps: [
        {
          console: [{ k: 'assign-in-vendor', ps: 0, group: 0 }],
          mutations: [{ k: 'permission-set', slot: 0, spec: { session: 0, managed: 4, inline: false } }],
        },
      ],
    }),
  },
  {
    item: '7',
    title: 'an account matched by id whose root email changed in the console',
    scenario: scenario({
      first: [{ k: 'add-account', slot: 0, parent: 'root', tags: {} }],
      steps: [
        { console: [], mutations: [{ k: 'account-by-id', slot: 0, byId: true }] },
        { console: [{ k: 'email', slot: 0, variant: 'other' }], mutations: [] },
      ],
    }),
  },
  {
    item: '8',
    title: 'deleting a policy still attached to a closing account',
    scenario: scenario({
      first: [
        { k: 'add-account', slot: 0, parent: 'root', tags: {} },
        { k: 'add-scp', slot: 0, name: 'deny-s3', variant: 0 },
        { k: 'account-policies', slot: 0, scps: 1, fullAccess: false },
      ],
      steps: [
        { console: [], mutations: [{ k: 'close-account', slot: 0 }] },
        { console: [], mutations: [{ k: 'remove-scp', slot: 0 }] },
      ],
    }),
  },
  {
    item: '8',
    title: 'deleting an OU that holds an ignored account',
    scenario: scenario({
      foreign: { ...NOTHING_FOREIGN, ctOu: true, vendor: 'ct' },
      ignore: { ...NO_IGNORE, accounts: 'lower' },
      first: [{ k: 'add-ou', slot: 0, name: 'Prod', parent: 'root', tags: {} }],
    }),
  },
  {
    item: '8',
    title: 'deleting a permission set still assigned in an ignored account',
    scenario: scenario({
      foreign: { ...NOTHING_FOREIGN, vendor: 'root', ctPermissionSet: true },
      ignore: { ...NO_IGNORE, accounts: 'lower' },
      first: [{ k: 'add-ou', slot: 0, name: 'Prod', parent: 'root', tags: {} }],
    }),
  },
  {
    item: '9',
    title: 'an account moved in the console into an ignored OU',
    scenario: scenario({
      foreign: { ...NOTHING_FOREIGN, ctOu: true },
      ignore: CT_IGNORED,
      first: [{ k: 'add-account', slot: 0, parent: 'root', tags: {} }],
      steps: [{ console: [{ k: 'move-into-ignored', slot: 0 }], mutations: [] }],
    }),
  },
  {
    item: '10',
    title: "an ignore.policies pattern '*AWS*' that matches FullAWSAccess",
    scenario: scenario({
      ignore: { ...NO_IGNORE, policies: 'guardrails-and-aws' },
      first: [{ k: 'add-ou', slot: 0, name: 'Prod', parent: 'root', tags: {} }],
    }),
  },
  {
    item: '11',
    title: 'enabling SCPs and detaching FullAWSAccess in one plan',
    scenario: scenario({
      first: [
        { k: 'add-scp', slot: 0, name: 'deny-s3', variant: 0 },
        { k: 'scp-type', enabled: false },
      ],
      steps: [
        {
          console: [],
          mutations: [
            { k: 'scp-type', enabled: true },
            { k: 'root-policies', scps: 1, fullAccess: false },
          ],
        },
      ],
    }),
  },
  {
    item: '12',
    title: 'a policy type disabled in the console keeps its policies',
    scenario: scenario({
      first: [
        { k: 'tag-policy-type', enabled: true, variant: 0 },
        { k: 'add-ou', slot: 0, name: 'Prod', parent: 'root', tags: {} },
        { k: 'ou-policies', slot: 0, scps: 0, fullAccess: true, tagPolicy: true },
      ],
      steps: [{ console: [{ k: 'policy-type', type: 'TAG_POLICY', enabled: false }], mutations: [] }],
    }),
  },
  {
    item: '13',
    title: 'renaming a parent and a child OU in one plan',
    scenario: scenario({
      first: [
        { k: 'add-ou', slot: 0, name: 'Prod', parent: 'root', tags: {} },
        { k: 'add-ou', slot: 1, name: 'EU', parent: 0, tags: {} },
        { k: 'add-account', slot: 0, parent: 1, tags: {} },
      ],
      steps: [
        { console: [], mutations: [{ k: 'rename-parent-child', slot: 0, name: 'Legacy', childName: 'Dev' }] },
      ],
    }),
  },
  {
    item: '14',
    title: 'the management account as delegated administrator',
    scenario: scenario({
      first: [
        { k: 'add-account', slot: 0, parent: 'root', tags: {} },
        { k: 'delegated-admin', to: 'management' },
      ],
    }),
  },
  {
    item: '15',
    title: 'permission sets with no Identity Center instance',
    scenario: scenario({
      foreign: { ...NOTHING_FOREIGN, identityCenter: false },
      first: [
        { k: 'add-ou', slot: 0, name: 'Prod', parent: 'root', tags: {} },
        { k: 'permission-set', slot: 0, spec: { session: 0, managed: 1, inline: false } },
      ],
    }),
  },
  {
    item: '16',
    title: "clearing a permission set's relay state and description",
    scenario: scenario({
      first: [
        {
          k: 'permission-set',
          slot: 0,
          spec: {
            session: 0,
            managed: 1,
            inline: false,
            description: 'Read',
            relayState: 'https://console.aws.amazon.com/',
          },
        },
      ],
      steps: [
        {
          console: [],
          mutations: [{ k: 'permission-set', slot: 0, spec: { session: 0, managed: 1, inline: false } }],
        },
      ],
    }),
  },
  {
    item: '17',
    title: 'ignore.accounts written with the letter case AWS shows',
    scenario: scenario({
      foreign: { ...NOTHING_FOREIGN, vendor: 'root' },
      ignore: { ...NO_IGNORE, accounts: 'as-live' },
      first: [{ k: 'add-ou', slot: 0, name: 'Prod', parent: 'root', tags: {} }],
    }),
  },
  {
    item: 'also',
    title: 'a group deleted from the identity store leaves an assignment config no longer makes',
    scenario: scenario({
      first: [
        { k: 'add-account', slot: 0, parent: 'root', tags: {} },
        { k: 'permission-set', slot: 0, spec: { session: 0, managed: 1, inline: false } },
        { k: 'add-assignment', spec: { group: 1, ps: 0, target: { kind: 'account', slot: 0 } } },
      ],
      steps: [
        {
          console: [{ k: 'delete-group', group: 1 }],
          mutations: [{ k: 'remove-assignment', index: 0 }],
        },
      ],
    }),
  },
];
