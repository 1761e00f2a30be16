import {
  AttachPolicyCommand,
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  DeleteOrganizationalUnitCommand,
  DeletePolicyCommand,
  DeregisterDelegatedAdministratorCommand,
  DescribeCreateAccountStatusCommand,
  DetachPolicyCommand,
  DisableAWSServiceAccessCommand,
  DisablePolicyTypeCommand,
  EnableAWSServiceAccessCommand,
  EnablePolicyTypeCommand,
  MoveAccountCommand,
  type OrganizationsClient,
  RegisterDelegatedAdministratorCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateOrganizationalUnitCommand,
  UpdatePolicyCommand,
} from '@aws-sdk/client-organizations';
import type { CreateAccountStatus, OrganizationsWrites, OuInfo, PolicySummary } from '@orgops/live';
import type { Tags } from '@orgops/model';
import { toCreateStatus, toPolicySummary } from './organizations-shapes.ts';
import type { Caller } from './request-pipeline.ts';
import { required, toAwsTags } from './shapes.ts';

/** Writes, and the create-account status poll that belongs to CreateAccount. */
export function createOrganizationsWrites(client: OrganizationsClient, caller: Caller): OrganizationsWrites {
  const call = <T>(operation: string, send: () => Promise<T>) =>
    caller.call('organizations', operation, send);

  return {
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
