import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Plan, planIntegrity } from '@orgops/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgops, scratchDir, writeTree } from './harness.ts';

/**
 * A saved plan is a contract: what `show` renders is what `apply` carries out. These tests edit
 * a plan file the way a careless colleague or an attacker would and check that nothing edited is
 * applied, and that no view shows a review the changes do not support.
 */
const scratch = scratchDir();
afterAll(scratch.cleanup);

const organization = (extra: {
  accounts: string;
  session: string;
  denyLeave: string;
}) => `import { account, assign, defineOrganization, FullAWSAccess, group, organizationalUnit, organizationRoot,
  permissionSet, serviceControlPolicy, trustedService } from '@orgops/model';
const denyLeave = serviceControlPolicy({ name: 'deny-leave', content: { Version: '2012-10-17',
  Statement: ${extra.denyLeave} } });
export const root = organizationRoot({ policies: [FullAWSAccess, denyLeave] });
const prod = organizationalUnit('Prod', { parent: root });
const readOnly = permissionSet({ name: 'ReadOnly', sessionDuration: '${extra.session}', managedPolicies: ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'] });
export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [prod],
  accounts: [${extra.accounts}],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  permissionSets: [readOnly],
  assignments: [assign(group('developers'), readOnly, [prod])],
  trustedServices: [trustedService('sso.amazonaws.com')],
});
`;

const appProd = `account({ name: 'app-prod', email: 'aws+app-prod@example.com', parent: prod })`;
const appProd2 = `account({ name: 'app-prod-2', email: 'aws+app-prod-2@example.com', parent: prod })`;
const DENY_LEAVE = `[{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }]`;
const DENY_LEAVE_AND_TRAIL = `[{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
  { Effect: 'Deny', Action: 'cloudtrail:StopLogging', Resource: '*' }]`;

const before = join(scratch.dir, 'before');
const after = join(scratch.dir, 'after');
writeTree(before, {
  'index.ts': organization({ accounts: appProd, session: 'PT2H', denyLeave: DENY_LEAVE }),
});
writeTree(after, {
  'index.ts': organization({
    accounts: `${appProd}, ${appProd2}`,
    session: 'PT4H',
    denyLeave: DENY_LEAVE_AND_TRAIL,
  }),
});

const sandbox = join(scratch.dir, 'sandbox.json');
const planFile = join(scratch.dir, 'plan.json');
let n = 0;

/** The plan from `before` to `after`: an account to create, a permission set and an SCP to update. */
beforeAll(async () => {
  const setup = await orgops(['apply', '--auto-approve', '--config', before, '--sandbox-file', sandbox]);
  expect(setup.code).toBe(0);
  const plan = await orgops(['plan', '--out', planFile, '--config', after, '--sandbox-file', sandbox]);
  expect(plan.code).toBe(2);
}, 120_000);

/** `orgops apply FILE --auto-approve` against the `after` config and the sandbox. */
const autoApprove = (file: string) =>
  orgops(['apply', file, '--auto-approve', '--config', after, '--sandbox-file', sandbox]);

type Json = Record<string, unknown>;
interface PlanJson extends Json {
  phases: { name: string; changes: Json[] }[];
  analysis: { risks: Json[]; access: Json[]; guardrails: Json[] };
  integrity: unknown;
}

/**
 * Copies the saved plan, lets `edit` change it, and returns the edited file's path. `reseal`
 * recomputes the digests afterwards, as someone who read the source could.
 */
function edited(edit: (plan: PlanJson) => void, reseal = false): string {
  const file = join(scratch.dir, `edited-${++n}.json`);
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as PlanJson;
  edit(plan);
  if (reseal) plan.integrity = planIntegrity(plan as unknown as Plan);
  writeFileSync(file, JSON.stringify(plan, null, 2));
  return file;
}

function change(plan: PlanJson, kind: string): Json {
  const found = plan.phases.flatMap((p) => p.changes).find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} change in the plan`);
  return found;
}

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const EDITS: Record<string, { edit: (plan: PlanJson) => void; address: string }> = {
  "an account's email": {
    edit: (plan) => {
      change(plan, 'account-create').email = 'attacker@example.net';
    },
    address: 'account/aws+app-prod-2@example.com',
  },
  "a permission set's managed policies widened to AdministratorAccess": {
    edit: (plan) => {
      const update = change(plan, 'permission-set-update') as { before: Json; after: Json };
      update.before.managedPolicies = ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'];
      update.after.managedPolicies = [ADMIN];
    },
    address: 'permission-set/ReadOnly',
  },
  "an SCP's statements": {
    edit: (plan) => {
      const update = change(plan, 'policy-update') as { content: { after: string } };
      update.content.after = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
      });
    },
    address: 'policy/SERVICE_CONTROL_POLICY/deny-leave',
  },
};

describe('an edited plan file', () => {
  for (const [what, { edit, address }] of Object.entries(EDITS)) {
    it(`is refused by show and apply when ${what} was changed, naming the change`, async () => {
      const file = edited(edit);
      const show = await orgops(['show', file]);
      expect(show.code).toBe(1);
      expect(show.stdout).toBe('');
      expect(show.stderr).toContain('[plan-file-altered]');
      expect(show.stderr).toContain(address);
      expect(show.stderr).toContain('was altered');

      const state = readFileSync(sandbox, 'utf8');
      const apply = await autoApprove(file);
      expect(apply.code).toBe(1);
      expect(apply.stdout).toBe('');
      expect(apply.stderr).toContain('[plan-file-altered]');
      expect(apply.stderr).toContain(address);
      expect(readFileSync(sandbox, 'utf8')).toBe(state);
    });
  }

  it('renders the review recomputed from the changes, not the stored one', async () => {
    const file = edited((plan) => {
      plan.analysis.risks = [];
      plan.analysis.access = [];
    });
    const shown = await orgops(['show', file, '--format', 'markdown']);
    expect(shown.code).toBe(0);
    const original = await orgops(['show', planFile, '--format', 'markdown']);
    expect(shown.stdout).toBe(original.stdout);
    expect(shown.stdout).toContain('session 2h -> 4h');
    expect(shown.stdout).not.toContain('No one gains or loses access');
    expect(shown.stderr).toContain('[plan-review-recomputed]');
  });

  it('when the digests were recomputed too, show and apply render what the edited changes do', async () => {
    const file = edited((plan) => {
      EDITS["a permission set's managed policies widened to AdministratorAccess"]!.edit(plan);
      EDITS["an SCP's statements"]!.edit(plan);
    }, true);
    const shown = await orgops(['show', file, '--format', 'markdown']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('+ managed policy AdministratorAccess');
    expect(shown.stdout).toContain('admin-in-production');
    expect(shown.stdout).toContain('SCP deny-leave removes 1 Deny statement');
    expect(shown.stdout).toContain('+1 statement (Allow \\*)'); // markdown escapes the asterisk
    expect(shown.stderr).toContain('[plan-review-recomputed]');

    // apply shows the same recomputed review before it asks.
    const state = readFileSync(sandbox, 'utf8');
    const apply = await orgops(['apply', file, '--config', after, '--sandbox-file', sandbox], {
      interactive: true,
      answer: 'no',
    });
    expect(apply.code).toBe(1);
    expect(apply.stdout).toContain('admin-in-production');
    expect(apply.stdout).toContain('guardrail-weakened');
    expect(apply.stderr).toContain('Apply cancelled. Nothing was changed.');
    expect(readFileSync(sandbox, 'utf8')).toBe(state);
  });

  it('a malformed change is a located plan-file-invalid error, not an internal one', async () => {
    const file = edited((plan) => {
      const create = change(plan, 'account-create');
      create.email = 42;
    });
    const show = await orgops(['show', file]);
    expect(show.code).toBe(1);
    expect(show.stderr).not.toContain('internal error');
    expect(show.stderr).toContain('[plan-file-invalid]');
    expect(show.stderr).toMatch(/phase create-accounts, change 1 \(account\/aws\+app-prod-2@example\.com\)/);
    expect(show.stderr).toContain('email');
    expect(show.stderr).toContain('value: 42');
    const apply = await autoApprove(file);
    expect(apply.code).toBe(1);
    expect(apply.stderr).not.toContain('internal error');
    expect(apply.stderr).toContain('[plan-file-invalid]');
  });

  it('the unedited plan still applies', async () => {
    const copy = join(scratch.dir, 'unedited.json');
    copyFileSync(planFile, copy);
    const apply = await autoApprove(copy);
    expect(apply.stderr).not.toMatch(/error/);
    expect(apply.code).toBe(0);
  });
});
