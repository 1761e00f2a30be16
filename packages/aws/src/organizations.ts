import {
  type Account,
  AttachPolicyCommand,
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  DeleteOrganizationalUnitCommand,
  DeletePolicyCommand,
  DeregisterDelegatedAdministratorCommand,
  DescribeCreateAccountStatusCommand,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  DetachPolicyCommand,
  DisableAWSServiceAccessCommand,
  DisablePolicyTypeCommand,
  EnableAWSServiceAccessCommand,
  EnablePolicyTypeCommand,
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
  MoveAccountCommand,
  type OrganizationsClient,
  type PolicyTypeStatus,
  RegisterDelegatedAdministratorCommand,
  type CreateAccountStatus as SdkCreateAccountStatus,
  type PolicySummary as SdkPolicySummary,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateOrganizationalUnitCommand,
  UpdatePolicyCommand,
} from '@aws-sdk/client-organizations';
import type { AccountState } from '@orgops/engine';
import type {
  AccountInfo,
  CreateAccountStatus,
  OrganizationInfo,
  OrganizationsPort,
  OuInfo,
  PolicySummary,
  RootInfo,
} from '@orgops/live';
import type { Tags } from '@orgops/model';
import type { Caller } from './caller.ts';
import { collectPages } from './pagination.ts';
import { fromAwsTags, required, toAwsTags } from './shapes.ts';

const ACCOUNT_STATES: ReadonlySet<string> = new Set<AccountState>([
  'PENDING_ACTIVATION',
  'ACTIVE',
  'SUSPENDED',
  'PENDING_CLOSURE',
  'CLOSED',
]);

function toAccount(a: Account): AccountInfo {
  // `State` replaces `Status`, which AWS retires on 2026-09-09. Status values are a subset of
  // State values, so an endpoint that only sends Status (an old emulator) still maps.
  const state = a.State ?? a.Status;
  if (state === undefined || !ACCOUNT_STATES.has(state)) {
    throw new Error(`organizations: account ${a.Id} has unknown state ${JSON.stringify(state)}`);
  }
  const joined = a.JoinedMethod;
  return {
    id: required(a.Id, 'Account.Id'),
    name: a.Name ?? '',
    email: a.Email ?? '',
    state: state as AccountState,
    ...(joined === 'INVITED' || joined === 'CREATED' ? { joinedMethod: joined } : {}),
  };
}

function toPolicySummary(p: SdkPolicySummary | undefined): PolicySummary {
  return {
    id: required(p?.Id, 'PolicySummary.Id'),
    name: p?.Name ?? '',
    type: p?.Type ?? '',
    description: p?.Description ?? '',
    awsManaged: p?.AwsManaged ?? false,
  };
}

function toCreateStatus(s: SdkCreateAccountStatus | undefined): CreateAccountStatus {
  const state = s?.State;
  if (state !== 'IN_PROGRESS' && state !== 'SUCCEEDED' && state !== 'FAILED') {
    throw new Error(
      `organizations: create-account request ${s?.Id} has unknown state ${JSON.stringify(state)}`,
    );
  }
  return {
    requestId: required(s?.Id, 'CreateAccountStatus.Id'),
    state,
    ...(s?.AccountId ? { accountId: s.AccountId } : {}),
    ...(s?.FailureReason ? { failureReason: s.FailureReason } : {}),
  };
}

function toPolicyTypeStatus(
  status: PolicyTypeStatus | undefined,
): 'ENABLED' | 'PENDING_ENABLE' | 'PENDING_DISABLE' {
  if (status === 'ENABLED' || status === 'PENDING_ENABLE' || status === 'PENDING_DISABLE') return status;
  throw new Error(`organizations: unknown policy type status ${JSON.stringify(status)}`);
}

/** OrganizationsPort over the SDK; `pageSize` is the MaxResults sent (≤ 20). */
export function createOrganizationsPort(
  client: OrganizationsClient,
  caller: Caller,
  pageSize: number,
): OrganizationsPort {
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

    async createOrganizationalUnit(ParentId: string, Name: string, tags: Tags): Promise<OuInfo> {
      const out = await call('CreateOrganizationalUnit', () =>
        client.send(new CreateOrganizationalUnitCommand({ ParentId, Name, Tags: toAwsTags(tags) })),
      );
      return {
        id: required(out.OrganizationalUnit?.Id, 'OrganizationalUnit.Id'),
        name: out.OrganizationalUnit?.Name ?? Name,
      };
    },

    async updateOrganizationalUnit(OrganizationalUnitId: string, Name: string): Promise<void> {
      await call('UpdateOrganizationalUnit', () =>
        client.send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId, Name })),
      );
    },

    async deleteOrganizationalUnit(OrganizationalUnitId: string): Promise<void> {
      await call('DeleteOrganizationalUnit', () =>
        client.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId })),
      );
    },

    async createAccount(input): Promise<CreateAccountStatus> {
      const out = await call('CreateAccount', () =>
        client.send(
          new CreateAccountCommand({
            Email: input.email,
            AccountName: input.name,
            Tags: toAwsTags(input.tags),
          }),
        ),
      );
      return toCreateStatus(out.CreateAccountStatus);
    },

    async describeCreateAccountStatus(CreateAccountRequestId: string): Promise<CreateAccountStatus> {
      const out = await call('DescribeCreateAccountStatus', () =>
        client.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId })),
      );
      return toCreateStatus(out.CreateAccountStatus);
    },

    async moveAccount(AccountId: string, SourceParentId: string, DestinationParentId: string): Promise<void> {
      await call('MoveAccount', () =>
        client.send(new MoveAccountCommand({ AccountId, SourceParentId, DestinationParentId })),
      );
    },

    async closeAccount(AccountId: string): Promise<void> {
      await call('CloseAccount', () => client.send(new CloseAccountCommand({ AccountId })));
    },

    async tagResource(ResourceId: string, tags: Tags): Promise<void> {
      const Tags = toAwsTags(tags);
      if (Tags === undefined) return;
      await call('TagResource', () => client.send(new TagResourceCommand({ ResourceId, Tags })));
    },

    async untagResource(ResourceId: string, keys: readonly string[]): Promise<void> {
      if (keys.length === 0) return;
      await call('UntagResource', () =>
        client.send(new UntagResourceCommand({ ResourceId, TagKeys: [...keys] })),
      );
    },

    async createPolicy(input): Promise<PolicySummary> {
      const out = await call('CreatePolicy', () =>
        client.send(
          new CreatePolicyCommand({
            Type: input.type as never,
            Name: input.name,
            // Description is a required member; AWS accepts the empty string.
            Description: input.description,
            Content: input.content,
            Tags: toAwsTags(input.tags),
          }),
        ),
      );
      return toPolicySummary(out.Policy?.PolicySummary);
    },

    async updatePolicy(input): Promise<void> {
      await call('UpdatePolicy', () =>
        client.send(
          new UpdatePolicyCommand({
            PolicyId: input.policyId,
            Name: input.name,
            Description: input.description,
            Content: input.content,
          }),
        ),
      );
    },

    async deletePolicy(PolicyId: string): Promise<void> {
      await call('DeletePolicy', () => client.send(new DeletePolicyCommand({ PolicyId })));
    },

    async attachPolicy(PolicyId: string, TargetId: string): Promise<void> {
      await call('AttachPolicy', () => client.send(new AttachPolicyCommand({ PolicyId, TargetId })));
    },

    async detachPolicy(PolicyId: string, TargetId: string): Promise<void> {
      await call('DetachPolicy', () => client.send(new DetachPolicyCommand({ PolicyId, TargetId })));
    },

    async enablePolicyType(RootId: string, PolicyType: string): Promise<void> {
      await call('EnablePolicyType', () =>
        client.send(new EnablePolicyTypeCommand({ RootId, PolicyType: PolicyType as never })),
      );
    },

    async disablePolicyType(RootId: string, PolicyType: string): Promise<void> {
      await call('DisablePolicyType', () =>
        client.send(new DisablePolicyTypeCommand({ RootId, PolicyType: PolicyType as never })),
      );
    },

    async enableAWSServiceAccess(ServicePrincipal: string): Promise<void> {
      await call('EnableAWSServiceAccess', () =>
        client.send(new EnableAWSServiceAccessCommand({ ServicePrincipal })),
      );
    },

    async disableAWSServiceAccess(ServicePrincipal: string): Promise<void> {
      await call('DisableAWSServiceAccess', () =>
        client.send(new DisableAWSServiceAccessCommand({ ServicePrincipal })),
      );
    },

    async registerDelegatedAdministrator(AccountId: string, ServicePrincipal: string): Promise<void> {
      await call('RegisterDelegatedAdministrator', () =>
        client.send(new RegisterDelegatedAdministratorCommand({ AccountId, ServicePrincipal })),
      );
    },

    async deregisterDelegatedAdministrator(AccountId: string, ServicePrincipal: string): Promise<void> {
      await call('DeregisterDelegatedAdministrator', () =>
        client.send(new DeregisterDelegatedAdministratorCommand({ AccountId, ServicePrincipal })),
      );
    },
  };
}
