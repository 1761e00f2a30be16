import type { AccountInfo, OrganizationsReads, PolicySummary } from '@orgops/live';
import { findAccount, findPolicy, isParent, isTarget, taggable } from './org-helpers.ts';
import { awsError, type SandboxContext } from './sandbox-context.ts';
import type { SandboxAccount, SandboxPolicy } from './state.ts';

const SVC = 'organizations';

function accountInfo(a: SandboxAccount): AccountInfo {
  return { id: a.id, name: a.name, email: a.email, state: a.state, joinedMethod: a.joinedMethod };
}

function summary(p: SandboxPolicy): PolicySummary {
  return { id: p.id, name: p.name, type: p.type, description: p.description, awsManaged: p.awsManaged };
}

function targetType(ctx: SandboxContext, id: string): 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT' {
  if (id === ctx.state.root.id) return 'ROOT';
  return id.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT';
}

function parentNotFound(op: string, id: string) {
  return awsError(SVC, op, 'ParentNotFoundException', `No root or organizational unit ${id}.`);
}

export function organizationsReads(ctx: SandboxContext): OrganizationsReads {
  const s = () => ctx.state;
  return {
    async describeOrganization() {
      ctx.enter(SVC, 'DescribeOrganization');
      const management = s().accounts.find((a) => a.id === s().organization.managementAccountId);
      return {
        id: s().organization.id,
        arn: s().organization.arn,
        featureSet: s().organization.featureSet,
        managementAccountId: s().organization.managementAccountId,
        ...(management ? { managementAccountEmail: management.email } : {}),
      };
    },
    async listRoots() {
      return ctx.list(SVC, 'ListRoots', () => [
        {
          id: s().root.id,
          name: s().root.name,
          policyTypes: s().root.enabledPolicyTypes.map((type) => ({ type, status: 'ENABLED' as const })),
        },
      ]);
    },
    async listOrganizationalUnitsForParent(parentId) {
      return ctx.list(SVC, 'ListOrganizationalUnitsForParent', () => {
        if (!isParent(ctx, parentId)) throw parentNotFound('ListOrganizationalUnitsForParent', parentId);
        return s()
          .ous.filter((o) => o.parentId === parentId)
          .map((o) => ({ id: o.id, name: o.name }));
      });
    },
    async listAccounts() {
      return ctx.list(SVC, 'ListAccounts', () => s().accounts.map(accountInfo));
    },
    async listAccountsForParent(parentId) {
      return ctx.list(SVC, 'ListAccountsForParent', () => {
        if (!isParent(ctx, parentId)) throw parentNotFound('ListAccountsForParent', parentId);
        return s()
          .accounts.filter((a) => a.parentId === parentId)
          .map(accountInfo);
      });
    },
    async listParents(childId) {
      return ctx.list(SVC, 'ListParents', () => {
        const parentId =
          s().accounts.find((a) => a.id === childId)?.parentId ??
          s().ous.find((o) => o.id === childId)?.parentId;
        if (!parentId)
          throw awsError(SVC, 'ListParents', 'ChildNotFoundException', `No account or OU ${childId}.`);
        const type = parentId === s().root.id ? ('ROOT' as const) : ('ORGANIZATIONAL_UNIT' as const);
        return [{ id: parentId, type }];
      });
    },
    async listTagsForResource(resourceId) {
      ctx.enter(SVC, 'ListTagsForResource');
      return { ...taggable(ctx, 'ListTagsForResource', resourceId).tags };
    },
    async listPolicies(type) {
      return ctx.list(SVC, 'ListPolicies', () =>
        s()
          .policies.filter((p) => p.type === type)
          .map(summary),
      );
    },
    async describePolicy(policyId) {
      ctx.enter(SVC, 'DescribePolicy');
      const policy = findPolicy(ctx, 'DescribePolicy', policyId);
      return { ...summary(policy), content: policy.content };
    },
    async listTargetsForPolicy(policyId) {
      return ctx.list(SVC, 'ListTargetsForPolicy', () =>
        findPolicy(ctx, 'ListTargetsForPolicy', policyId).targets.map((targetId) => ({
          targetId,
          type: targetType(ctx, targetId),
        })),
      );
    },
    async listPoliciesForTarget(targetId, type) {
      return ctx.list(SVC, 'ListPoliciesForTarget', () => {
        if (!isTarget(ctx, targetId))
          throw awsError(SVC, 'ListPoliciesForTarget', 'TargetNotFoundException', `No target ${targetId}.`);
        return s()
          .policies.filter((p) => p.type === type && p.targets.includes(targetId))
          .map(summary);
      });
    },
    async listAWSServiceAccessForOrganization() {
      return ctx.list(SVC, 'ListAWSServiceAccessForOrganization', () => [...s().trustedServices]);
    },
    async listDelegatedAdministrators() {
      return ctx.list(SVC, 'ListDelegatedAdministrators', () => {
        const ids = [...new Set(s().delegatedAdministrators.map((d) => d.accountId))];
        return ids.map((id) => ({ id, email: findAccount(ctx, 'ListDelegatedAdministrators', id).email }));
      });
    },
    async listDelegatedServicesForAccount(accountId) {
      return ctx.list(SVC, 'ListDelegatedServicesForAccount', () => {
        findAccount(ctx, 'ListDelegatedServicesForAccount', accountId);
        const services = s()
          .delegatedAdministrators.filter((d) => d.accountId === accountId)
          .map((d) => d.servicePrincipal);
        if (services.length === 0)
          throw awsError(
            SVC,
            'ListDelegatedServicesForAccount',
            'AccountNotRegisteredException',
            `Account ${accountId} is not a delegated administrator.`,
          );
        return services;
      });
    },
  };
}
