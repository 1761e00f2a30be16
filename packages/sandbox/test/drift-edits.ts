import { isServiceError } from '@orgops/live';
import fc from 'fast-check';
import type { SandboxBackend } from '../src/index.ts';
import { assignNow } from './drift-world.ts';
import { doc, INSTANCE, ROOT, SCP, STORE, TAG_POLICY_DOC } from './helpers.ts';

/**
 * An edit made out of band (the console, another tool) through the sandbox's ports, so it is
 * recorded in CloudTrail as AWS would record it. Objects are picked by index among those that
 * exist when the edit runs, so every edit means something whatever happened before it.
 */
export type Edit =
  | { readonly k: 'move-account'; readonly account: number; readonly to: number }
  | { readonly k: 'create-ou'; readonly parent: number; readonly name: string; readonly tagged: boolean }
  | { readonly k: 'rename-ou'; readonly ou: number; readonly name: string }
  | { readonly k: 'delete-ou'; readonly ou: number }
  | { readonly k: 'tag'; readonly target: number; readonly value: string }
  | { readonly k: 'untag'; readonly target: number }
  | { readonly k: 'create-policy'; readonly name: string; readonly target: number }
  | {
      readonly k: 'update-policy';
      readonly policy: number;
      readonly what: 'name' | 'description' | 'content';
    }
  | { readonly k: 'attach'; readonly policy: number; readonly target: number }
  | { readonly k: 'detach'; readonly policy: number; readonly target: number }
  | { readonly k: 'delete-policy'; readonly policy: number }
  | { readonly k: 'tag-policy-type'; readonly enable: boolean }
  | { readonly k: 'create-account'; readonly name: string }
  | { readonly k: 'close-account'; readonly account: number }
  | { readonly k: 'update-ps'; readonly ps: number; readonly session: string }
  | { readonly k: 'ps-managed'; readonly ps: number; readonly attach: boolean }
  | { readonly k: 'ps-inline'; readonly ps: number; readonly put: boolean }
  | { readonly k: 'ps-tag'; readonly ps: number; readonly value: string }
  | { readonly k: 'create-ps'; readonly name: string; readonly account: number; readonly group: number }
  | { readonly k: 'delete-ps'; readonly ps: number }
  | { readonly k: 'provision'; readonly ps: number; readonly account: number }
  | { readonly k: 'assign'; readonly ps: number; readonly account: number; readonly group: number }
  | { readonly k: 'unassign'; readonly assignment: number }
  | { readonly k: 'service-access'; readonly enable: boolean }
  | { readonly k: 'delegate'; readonly account: number; readonly register: boolean };

const i = fc.nat(40);
const name = fc.constantFrom('Alpha', 'Beta', 'Gamma', 'Delta', 'prod', 'Prod');
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ k: fc.constant('move-account' as const), account: i, to: i }),
  fc.record({ k: fc.constant('create-ou' as const), parent: i, name, tagged: fc.boolean() }),
  fc.record({ k: fc.constant('rename-ou' as const), ou: i, name }),
  fc.record({ k: fc.constant('delete-ou' as const), ou: i }),
  fc.record({ k: fc.constant('tag' as const), target: i, value: fc.constantFrom('a', 'b') }),
  fc.record({ k: fc.constant('untag' as const), target: i }),
  fc.record({ k: fc.constant('create-policy' as const), name, target: i }),
  fc.record({
    k: fc.constant('update-policy' as const),
    policy: i,
    what: fc.constantFrom('name' as const, 'description' as const, 'content' as const),
  }),
  fc.record({ k: fc.constant('attach' as const), policy: i, target: i }),
  fc.record({ k: fc.constant('detach' as const), policy: i, target: i }),
  fc.record({ k: fc.constant('delete-policy' as const), policy: i }),
  fc.record({ k: fc.constant('tag-policy-type' as const), enable: fc.boolean() }),
  fc.record({ k: fc.constant('create-account' as const), name: fc.constantFrom('new-a', 'new-b') }),
  fc.record({ k: fc.constant('close-account' as const), account: i }),
  fc.record({ k: fc.constant('update-ps' as const), ps: i, session: fc.constantFrom('PT2H', 'PT8H') }),
  fc.record({ k: fc.constant('ps-managed' as const), ps: i, attach: fc.boolean() }),
  fc.record({ k: fc.constant('ps-inline' as const), ps: i, put: fc.boolean() }),
  fc.record({ k: fc.constant('ps-tag' as const), ps: i, value: fc.constantFrom('x', 'y') }),
  fc.record({
    k: fc.constant('create-ps' as const),
    name: fc.constantFrom('Extra', 'Billing'),
    account: i,
    group: i,
  }),
  fc.record({ k: fc.constant('delete-ps' as const), ps: i }),
  fc.record({ k: fc.constant('provision' as const), ps: i, account: i }),
  fc.record({ k: fc.constant('assign' as const), ps: i, account: i, group: i }),
  fc.record({ k: fc.constant('unassign' as const), assignment: i }),
  fc.record({ k: fc.constant('service-access' as const), enable: fc.boolean() }),
  fc.record({ k: fc.constant('delegate' as const), account: i, register: fc.boolean() }),
);

const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length === 0 ? undefined : items[n % items.length];

/**
 * Applies one edit; AWS's refusals (a non-empty OU, an attached policy, the last SCP…) are part of
 * the game: the failed call is still recorded, as AWS records it, and changes nothing.
 */
export async function applyEdit(sb: SandboxBackend, e: Edit): Promise<void> {
  try {
    await apply(sb, e);
  } catch (err) {
    if (!isServiceError(err)) throw err;
  }
}

async function apply(sb: SandboxBackend, e: Edit): Promise<void> {
  const org = sb.organizations;
  const sso = sb.ssoAdmin;
  const s = sb.exportState();
  const members = s.accounts.filter(
    (a) => a.id !== s.organization.managementAccountId && a.state === 'ACTIVE',
  );
  const parents = [ROOT, ...s.ous.map((o) => o.id)];
  const targets = [...parents, ...s.accounts.map((a) => a.id)];
  const policies = s.policies.filter((p) => !p.awsManaged);
  const ic = s.identityCenter!;
  const ps = ic.permissionSets;
  switch (e.k) {
    case 'move-account': {
      const a = pick(members, e.account);
      if (a) await org.moveAccount(a.id, a.parentId, pick(parents, e.to)!);
      return;
    }
    case 'create-ou':
      await org.createOrganizationalUnit(
        pick(parents, e.parent)!,
        e.name,
        e.tagged ? { owner: 'drift' } : {},
      );
      return;
    case 'rename-ou': {
      const ou = pick(s.ous, e.ou);
      if (ou) await org.updateOrganizationalUnit(ou.id, e.name);
      return;
    }
    case 'delete-ou': {
      const ou = pick(s.ous, e.ou);
      if (ou) await org.deleteOrganizationalUnit(ou.id);
      return;
    }
    case 'tag':
      await org.tagResource(pick([...targets.slice(1), ...policies.map((p) => p.id)], e.target)!, {
        drift: e.value,
      });
      return;
    case 'untag':
      await org.untagResource(pick([...targets.slice(1), ...policies.map((p) => p.id)], e.target)!, [
        'drift',
        'env',
      ]);
      return;
    case 'create-policy': {
      const p = await org.createPolicy({
        type: SCP,
        name: `hand-${e.name}`,
        description: 'made by hand',
        content: doc('sqs:DeleteQueue'),
        tags: {},
      });
      await org.attachPolicy(p.id, pick(targets, e.target)!);
      return;
    }
    case 'update-policy': {
      const p = pick(policies, e.policy);
      if (!p) return;
      if (e.what === 'name') await org.updatePolicy({ policyId: p.id, name: `${p.name}-renamed` });
      else if (e.what === 'description')
        await org.updatePolicy({ policyId: p.id, description: 'edited by hand' });
      else
        await org.updatePolicy({
          policyId: p.id,
          content: p.type === SCP ? doc('sns:DeleteTopic') : TAG_POLICY_DOC,
        });
      return;
    }
    case 'attach':
    case 'detach': {
      const all = s.policies.filter((p) => s.root.enabledPolicyTypes.includes(p.type));
      const p = pick(all, e.policy);
      if (!p) return;
      if (e.k === 'attach') await org.attachPolicy(p.id, pick(targets, e.target)!);
      else await org.detachPolicy(p.id, pick(p.targets, e.target) ?? ROOT);
      return;
    }
    case 'delete-policy': {
      const p = pick(policies, e.policy);
      if (p) await org.deletePolicy(p.id);
      return;
    }
    case 'tag-policy-type':
      if (e.enable) {
        await org.enablePolicyType(ROOT, 'TAG_POLICY');
        const t = await org.createPolicy({
          type: 'TAG_POLICY',
          name: 'hand-tags',
          description: '',
          content: TAG_POLICY_DOC,
          tags: {},
        });
        await org.attachPolicy(t.id, pick(targets, 1)!);
      } else await org.disablePolicyType(ROOT, 'TAG_POLICY');
      return;
    case 'create-account': {
      // A second account with the same email fails in its status, as on AWS.
      let status = await org.createAccount({ name: e.name, email: `aws+${e.name}@example.com`, tags: {} });
      while (status.state === 'IN_PROGRESS') status = await org.describeCreateAccountStatus(status.requestId);
      return;
    }
    case 'close-account': {
      const a = pick(members, e.account);
      if (a) await org.closeAccount(a.id);
      return;
    }
    case 'update-ps': {
      const p = pick(ps, e.ps);
      if (p)
        await sso.updatePermissionSet(INSTANCE, {
          arn: p.arn,
          sessionDuration: e.session,
          description: 'edited',
        });
      return;
    }
    case 'ps-managed': {
      const p = pick(ps, e.ps);
      const arn = 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess';
      if (!p) return;
      if (e.attach) await sso.attachManagedPolicyToPermissionSet(INSTANCE, p.arn, arn);
      else await sso.detachManagedPolicyFromPermissionSet(INSTANCE, p.arn, p.managedPolicies[0] ?? arn);
      return;
    }
    case 'ps-inline': {
      const p = pick(ps, e.ps);
      if (!p) return;
      if (e.put)
        await sso.putInlinePolicyToPermissionSet(
          INSTANCE,
          p.arn,
          doc('s3:GetObject').replace('Deny', 'Allow'),
        );
      else await sso.deleteInlinePolicyFromPermissionSet(INSTANCE, p.arn);
      return;
    }
    case 'ps-tag': {
      const p = pick(ps, e.ps);
      if (p) await sso.tagResource(INSTANCE, p.arn, { drift: e.value });
      return;
    }
    case 'create-ps': {
      const { arn } = await sso.createPermissionSet(INSTANCE, {
        name: e.name,
        sessionDuration: 'PT1H',
        tags: {},
      });
      const a = pick(members, e.account);
      const g = pick(ic.groups, e.group);
      if (a && g)
        await assignNow(sb, 'create', {
          accountId: a.id,
          permissionSetArn: arn,
          principalType: 'GROUP',
          principalId: g.id,
        });
      return;
    }
    case 'delete-ps': {
      const p = pick(ps, e.ps);
      if (p) await sso.deletePermissionSet(INSTANCE, p.arn);
      return;
    }
    case 'provision': {
      const p = pick(ps, e.ps);
      const a = pick(members, e.account);
      if (!p || !a) return;
      let status = await sso.provisionPermissionSet(INSTANCE, p.arn, a.id);
      while (status.status === 'IN_PROGRESS')
        status = await sso.describePermissionSetProvisioningStatus(INSTANCE, status.requestId);
      return;
    }
    case 'assign': {
      const p = pick(ps, e.ps);
      const a = pick(members, e.account);
      const g = pick(ic.groups, e.group);
      if (p && a && g)
        await assignNow(sb, 'create', {
          accountId: a.id,
          permissionSetArn: p.arn,
          principalType: 'GROUP',
          principalId: g.id,
        });
      return;
    }
    case 'unassign': {
      const a = pick(ic.assignments, e.assignment);
      if (a) await assignNow(sb, 'delete', a);
      return;
    }
    case 'service-access':
      if (e.enable) await org.enableAWSServiceAccess('securityhub.amazonaws.com');
      else await org.disableAWSServiceAccess('guardduty.amazonaws.com');
      return;
    case 'delegate': {
      const a = pick(members, e.account);
      if (!a) return;
      if (e.register) await org.registerDelegatedAdministrator(a.id, 'guardduty.amazonaws.com');
      else await org.deregisterDelegatedAdministrator(a.id, 'guardduty.amazonaws.com');
      return;
    }
  }
  void STORE;
}
