import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  ListDelegatedServicesForAccountCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  ListTargetsForPolicyCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type {
  AccountInfo,
  OrganizationInfo,
  OrganizationsReads,
  OuInfo,
  PolicySummary,
  RootInfo,
} from '@orgops/live';
import type { Tags } from '@orgops/model';
import { toAccount, toPolicySummary, toPolicyTypeStatus } from './organizations-shapes.ts';
import { collectPages } from './pagination.ts';
import type { Caller } from './request-pipeline.ts';
import { fromAwsTags, required } from './shapes.ts';

/** Reads: describe and (paginated) list operations. `pageSize` is the MaxResults sent (≤ 20). */
export function createOrganizationsReads(
  client: OrganizationsClient,
  caller: Caller,
  pageSize: number,
): OrganizationsReads {
  const call = <T>(operation: string, send: () => Promise<T>) =>
    caller.call('organizations', operation, send);
  const MaxResults = pageSize;

  return {
    async describeOrganization(): Promise<OrganizationInfo> {
      const out = await call('DescribeOrganization', () => client.send(new DescribeOrganizationCommand({})));
      const org = out.Organization;
      return {
        id: required(org?.Id, 'Organization.Id'),
        ...(org?.Arn ? { arn: org.Arn } : {}),
        featureSet: org?.FeatureSet ?? '',
        managementAccountId: required(org?.MasterAccountId, 'Organization.MasterAccountId'),
        ...(org?.MasterAccountEmail ? { managementAccountEmail: org.MasterAccountEmail } : {}),
      };
    },

    async listRoots(): Promise<RootInfo[]> {
      const roots = await collectPages('ListRoots', async (NextToken) => {
        const out = await call('ListRoots', () =>
          client.send(new ListRootsCommand({ NextToken, MaxResults })),
        );
        return { items: out.Roots, nextToken: out.NextToken };
      });
      return roots.map((root) => ({
        id: required(root.Id, 'Root.Id'),
        name: root.Name ?? '',
        policyTypes: (root.PolicyTypes ?? []).map((t) => ({
          type: required(t.Type, 'PolicyTypeSummary.Type'),
          status: toPolicyTypeStatus(t.Status),
        })),
      }));
    },

    async listOrganizationalUnitsForParent(ParentId: string): Promise<OuInfo[]> {
      const ous = await collectPages('ListOrganizationalUnitsForParent', async (NextToken) => {
        const out = await call('ListOrganizationalUnitsForParent', () =>
          client.send(new ListOrganizationalUnitsForParentCommand({ ParentId, NextToken, MaxResults })),
        );
        return { items: out.OrganizationalUnits, nextToken: out.NextToken };
      });
      return ous.map((ou) => ({ id: required(ou.Id, 'OrganizationalUnit.Id'), name: ou.Name ?? '' }));
    },

    async listAccounts(): Promise<AccountInfo[]> {
      const accounts = await collectPages('ListAccounts', async (NextToken) => {
        const out = await call('ListAccounts', () =>
          client.send(new ListAccountsCommand({ NextToken, MaxResults })),
        );
        return { items: out.Accounts, nextToken: out.NextToken };
      });
      return accounts.map(toAccount);
    },

    async listAccountsForParent(ParentId: string): Promise<AccountInfo[]> {
      const accounts = await collectPages('ListAccountsForParent', async (NextToken) => {
        const out = await call('ListAccountsForParent', () =>
          client.send(new ListAccountsForParentCommand({ ParentId, NextToken, MaxResults })),
        );
        return { items: out.Accounts, nextToken: out.NextToken };
      });
      return accounts.map(toAccount);
    },

    async listParents(ChildId: string) {
      const parents = await collectPages('ListParents', async (NextToken) => {
        const out = await call('ListParents', () =>
          client.send(new ListParentsCommand({ ChildId, NextToken, MaxResults })),
        );
        return { items: out.Parents, nextToken: out.NextToken };
      });
      return parents.map((p) => {
        if (p.Type !== 'ROOT' && p.Type !== 'ORGANIZATIONAL_UNIT') {
          throw new Error(`organizations: parent of ${ChildId} has unknown type ${JSON.stringify(p.Type)}`);
        }
        return { id: required(p.Id, 'Parent.Id'), type: p.Type };
      });
    },

    async listTagsForResource(ResourceId: string): Promise<Tags> {
      // ListTagsForResource takes no MaxResults: AWS decides the page size.
      const tags = await collectPages('ListTagsForResource', async (NextToken) => {
        const out = await call('ListTagsForResource', () =>
          client.send(new ListTagsForResourceCommand({ ResourceId, NextToken })),
        );
        return { items: out.Tags, nextToken: out.NextToken };
      });
      return fromAwsTags(tags);
    },

    async listPolicies(Filter: string): Promise<PolicySummary[]> {
      const policies = await collectPages('ListPolicies', async (NextToken) => {
        const out = await call('ListPolicies', () =>
          client.send(new ListPoliciesCommand({ Filter: Filter as never, NextToken, MaxResults })),
        );
        return { items: out.Policies, nextToken: out.NextToken };
      });
      return policies.map(toPolicySummary);
    },

    async describePolicy(PolicyId: string) {
      const out = await call('DescribePolicy', () => client.send(new DescribePolicyCommand({ PolicyId })));
      // Content is returned exactly as stored: AWS keeps what was sent, whitespace included.
      return { ...toPolicySummary(out.Policy?.PolicySummary), content: out.Policy?.Content ?? '' };
    },

    async listTargetsForPolicy(PolicyId: string) {
      const targets = await collectPages('ListTargetsForPolicy', async (NextToken) => {
        const out = await call('ListTargetsForPolicy', () =>
          client.send(new ListTargetsForPolicyCommand({ PolicyId, NextToken, MaxResults })),
        );
        return { items: out.Targets, nextToken: out.NextToken };
      });
      return targets.map((t) => {
        if (t.Type !== 'ROOT' && t.Type !== 'ORGANIZATIONAL_UNIT' && t.Type !== 'ACCOUNT') {
          throw new Error(`organizations: target of ${PolicyId} has unknown type ${JSON.stringify(t.Type)}`);
        }
        return { targetId: required(t.TargetId, 'PolicyTargetSummary.TargetId'), type: t.Type };
      });
    },

    async listPoliciesForTarget(TargetId: string, Filter: string): Promise<PolicySummary[]> {
      const policies = await collectPages('ListPoliciesForTarget', async (NextToken) => {
        const out = await call('ListPoliciesForTarget', () =>
          client.send(
            new ListPoliciesForTargetCommand({ TargetId, Filter: Filter as never, NextToken, MaxResults }),
          ),
        );
        return { items: out.Policies, nextToken: out.NextToken };
      });
      return policies.map(toPolicySummary);
    },

    async listAWSServiceAccessForOrganization(): Promise<string[]> {
      const services = await collectPages('ListAWSServiceAccessForOrganization', async (NextToken) => {
        const out = await call('ListAWSServiceAccessForOrganization', () =>
          client.send(new ListAWSServiceAccessForOrganizationCommand({ NextToken, MaxResults })),
        );
        return { items: out.EnabledServicePrincipals, nextToken: out.NextToken };
      });
      return services.map((s) => required(s.ServicePrincipal, 'EnabledServicePrincipal.ServicePrincipal'));
    },

    async listDelegatedAdministrators() {
      const admins = await collectPages('ListDelegatedAdministrators', async (NextToken) => {
        const out = await call('ListDelegatedAdministrators', () =>
          client.send(new ListDelegatedAdministratorsCommand({ NextToken, MaxResults })),
        );
        return { items: out.DelegatedAdministrators, nextToken: out.NextToken };
      });
      return admins.map((a) => ({ id: required(a.Id, 'DelegatedAdministrator.Id'), email: a.Email ?? '' }));
    },

    async listDelegatedServicesForAccount(AccountId: string): Promise<string[]> {
      const services = await collectPages('ListDelegatedServicesForAccount', async (NextToken) => {
        const out = await call('ListDelegatedServicesForAccount', () =>
          client.send(new ListDelegatedServicesForAccountCommand({ AccountId, NextToken, MaxResults })),
        );
        return { items: out.DelegatedServices, nextToken: out.NextToken };
      });
      return services.map((s) => required(s.ServicePrincipal, 'DelegatedService.ServicePrincipal'));
    },
  };
}
