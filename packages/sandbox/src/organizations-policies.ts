import type { OrganizationsPolicyWrites } from '@orgops/live';
import { grammarOfPolicyType, LIMITS, policyRejections, policyTypeLimits } from '@orgops/model';
import {
  allTargets,
  checkTags,
  findAccount,
  findMemberAccount,
  findPolicy,
  isTarget,
} from './org-helpers.ts';
import { awsError, type SandboxContext } from './sandbox-context.ts';
import { DEFAULT_POLICY_BY_TYPE, nextId, RCP_FULL_AWS_ACCESS_ID, type SandboxPolicy } from './state.ts';

const SVC = 'organizations';

/**
 * Document checks: JSON, the grammar of the policy type (the same checks validation runs, limited
 * to what AWS itself refuses), and the size limit counted in characters exactly as sent.
 */
function checkContent(op: string, type: string, content: string): void {
  try {
    const doc: unknown = JSON.parse(content);
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not an object');
  } catch {
    throw awsError(SVC, op, 'MalformedPolicyDocumentException', 'The policy document is not a JSON object.');
  }
  const rejected = policyRejections(content, grammarOfPolicyType(type), type);
  const first = rejected[0];
  if (first) {
    const more = rejected.length > 1 ? ` (and ${rejected.length - 1} more)` : '';
    throw awsError(
      SVC,
      op,
      'MalformedPolicyDocumentException',
      `The provided policy document doesn't meet the requirements of the ${type} policy type: ${first.message}${more}`,
    );
  }
  const max = policyTypeLimits(type).maxDocumentChars;
  if (content.length > max)
    throw awsError(
      SVC,
      op,
      'ConstraintViolationException',
      `The ${type} document is ${content.length} characters; the maximum is ${max}.`,
      'POLICY_CONTENT_LIMIT_EXCEEDED',
    );
}

function checkNameAndDescription(
  op: string,
  name: string | undefined,
  description: string | undefined,
): void {
  if (name !== undefined && (name.length < 1 || name.length > LIMITS.organizations.maxPolicyNameLength))
    throw awsError(
      SVC,
      op,
      'InvalidInputException',
      'Policy name must be 1-128 characters.',
      'MAX_LENGTH_EXCEEDED',
    );
  if (description !== undefined && description.length > LIMITS.organizations.maxPolicyDescriptionLength)
    throw awsError(
      SVC,
      op,
      'InvalidInputException',
      'Policy description is over 512 characters.',
      'MAX_LENGTH_EXCEEDED',
    );
}

function immutable(op: string, policy: SandboxPolicy) {
  return awsError(
    SVC,
    op,
    'InvalidInputException',
    `${policy.name} is AWS managed and cannot be changed.`,
    'IMMUTABLE_POLICY',
  );
}

export function organizationsPolicies(ctx: SandboxContext): OrganizationsPolicyWrites {
  const s = () => ctx.state;
  const typeEnabled = (type: string) => s().root.enabledPolicyTypes.includes(type);
  const duplicateName = (op: string, type: string, name: string, exceptId?: string) => {
    if (s().policies.some((p) => p.type === type && p.name === name && p.id !== exceptId))
      throw awsError(SVC, op, 'DuplicatePolicyException', `A ${type} named "${name}" already exists.`);
  };
  const checkRoot = (op: string, rootId: string) => {
    if (rootId !== s().root.id) throw awsError(SVC, op, 'RootNotFoundException', `No root ${rootId}.`);
  };

  return {
    async createPolicy(input) {
      const op = 'CreatePolicy';
      ctx.enter(SVC, op);
      checkNameAndDescription(op, input.name, input.description);
      checkContent(op, input.type, input.content);
      duplicateName(op, input.type, input.name);
      const count = s().policies.filter((p) => p.type === input.type).length;
      if (count >= policyTypeLimits(input.type).maxPerOrganization)
        throw awsError(
          SVC,
          op,
          'ConstraintViolationException',
          'Too many policies.',
          'POLICY_NUMBER_LIMIT_EXCEEDED',
        );
      const tags = checkTags(op, {}, input.tags);
      const policy: SandboxPolicy = {
        id: `p-${nextId(s(), 'policy').toString(36).padStart(8, '0')}`,
        type: input.type,
        name: input.name,
        description: input.description,
        content: input.content,
        awsManaged: false,
        tags,
        targets: [],
      };
      s().policies.push(policy);
      return {
        id: policy.id,
        name: policy.name,
        type: policy.type,
        description: policy.description,
        awsManaged: false,
      };
    },

    async updatePolicy(input) {
      const op = 'UpdatePolicy';
      ctx.enter(SVC, op);
      const policy = findPolicy(ctx, op, input.policyId);
      if (policy.awsManaged) throw immutable(op, policy);
      checkNameAndDescription(op, input.name, input.description);
      if (input.content !== undefined) checkContent(op, policy.type, input.content);
      if (input.name !== undefined) duplicateName(op, policy.type, input.name, policy.id);
      if (input.name !== undefined) policy.name = input.name;
      if (input.description !== undefined) policy.description = input.description;
      if (input.content !== undefined) policy.content = input.content;
    },

    async deletePolicy(policyId) {
      const op = 'DeletePolicy';
      ctx.enter(SVC, op);
      const policy = findPolicy(ctx, op, policyId);
      if (policy.awsManaged) throw immutable(op, policy);
      if (policy.targets.length > 0)
        throw awsError(
          SVC,
          op,
          'PolicyInUseException',
          `Policy ${policy.name} is attached to ${policy.targets.join(', ')}; detach it first.`,
        );
      s().policies = s().policies.filter((p) => p.id !== policyId);
    },

    async attachPolicy(policyId, targetId) {
      const op = 'AttachPolicy';
      ctx.enter(SVC, op);
      const policy = findPolicy(ctx, op, policyId);
      if (!isTarget(ctx, targetId))
        throw awsError(SVC, op, 'TargetNotFoundException', `No target ${targetId}.`);
      if (!typeEnabled(policy.type))
        throw awsError(
          SVC,
          op,
          'PolicyTypeNotEnabledException',
          `${policy.type} is not enabled in the root.`,
        );
      if (policy.targets.includes(targetId))
        throw awsError(
          SVC,
          op,
          'DuplicatePolicyAttachmentException',
          `${policy.name} is already attached to ${targetId}.`,
        );
      const max = policyTypeLimits(policy.type).maxPerTarget;
      const attached = s().policies.filter(
        (p) => p.type === policy.type && p.targets.includes(targetId),
      ).length;
      if (attached >= max)
        throw awsError(
          SVC,
          op,
          'ConstraintViolationException',
          `${targetId} already has ${attached} ${policy.type} attached; the maximum is ${max}.`,
          'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
        );
      policy.targets.push(targetId);
    },

    async detachPolicy(policyId, targetId) {
      const op = 'DetachPolicy';
      ctx.enter(SVC, op);
      const policy = findPolicy(ctx, op, policyId);
      if (!isTarget(ctx, targetId))
        throw awsError(SVC, op, 'TargetNotFoundException', `No target ${targetId}.`);
      if (!policy.targets.includes(targetId))
        throw awsError(
          SVC,
          op,
          'PolicyNotAttachedException',
          `${policy.name} is not attached to ${targetId}.`,
        );
      if (policy.id === RCP_FULL_AWS_ACCESS_ID)
        throw awsError(
          SVC,
          op,
          'InvalidInputException',
          'RCPFullAWSAccess cannot be detached.',
          'NON_DETACHABLE_POLICY',
        );
      const min = policyTypeLimits(policy.type).minPerTarget;
      const attached = s().policies.filter(
        (p) => p.type === policy.type && p.targets.includes(targetId),
      ).length;
      if (attached - 1 < min)
        throw awsError(
          SVC,
          op,
          'ConstraintViolationException',
          `${targetId} must keep at least ${min} ${policy.type}; attach another before detaching ${policy.name}.`,
          'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
        );
      policy.targets = policy.targets.filter((t) => t !== targetId);
    },

    async enablePolicyType(rootId, type) {
      const op = 'EnablePolicyType';
      ctx.enter(SVC, op);
      checkRoot(op, rootId);
      if (typeEnabled(type))
        throw awsError(SVC, op, 'PolicyTypeAlreadyEnabledException', `${type} is already enabled.`);
      s().root.enabledPolicyTypes.push(type);
      const defaultId = DEFAULT_POLICY_BY_TYPE[type];
      const policy = s().policies.find((p) => p.id === defaultId);
      if (policy) policy.targets = allTargets(ctx);
    },

    async disablePolicyType(rootId, type) {
      const op = 'DisablePolicyType';
      ctx.enter(SVC, op);
      checkRoot(op, rootId);
      if (!typeEnabled(type))
        throw awsError(SVC, op, 'PolicyTypeNotEnabledException', `${type} is not enabled in the root.`);
      s().root.enabledPolicyTypes = s().root.enabledPolicyTypes.filter((t) => t !== type);
      for (const policy of s().policies) if (policy.type === type) policy.targets = [];
    },

    async enableAWSServiceAccess(servicePrincipal) {
      ctx.enter(SVC, 'EnableAWSServiceAccess');
      if (!s().trustedServices.includes(servicePrincipal)) s().trustedServices.push(servicePrincipal);
    },

    async disableAWSServiceAccess(servicePrincipal) {
      ctx.enter(SVC, 'DisableAWSServiceAccess');
      s().trustedServices = s().trustedServices.filter((t) => t !== servicePrincipal);
      s().delegatedAdministrators = s().delegatedAdministrators.filter(
        (d) => d.servicePrincipal !== servicePrincipal,
      );
    },

    async registerDelegatedAdministrator(accountId, servicePrincipal) {
      const op = 'RegisterDelegatedAdministrator';
      ctx.enter(SVC, op);
      findMemberAccount(ctx, op, accountId, {
        message: 'The management account cannot be a delegated administrator.',
        reason: 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR',
      });
      if (!s().trustedServices.includes(servicePrincipal))
        throw awsError(
          SVC,
          op,
          'ConstraintViolationException',
          `Trusted access for ${servicePrincipal} is not enabled.`,
          'SERVICE_ACCESS_NOT_ENABLED',
        );
      if (
        s().delegatedAdministrators.some(
          (d) => d.accountId === accountId && d.servicePrincipal === servicePrincipal,
        )
      )
        throw awsError(SVC, op, 'AccountAlreadyRegisteredException', `${accountId} is already registered.`);
      s().delegatedAdministrators.push({ accountId, servicePrincipal });
    },

    async deregisterDelegatedAdministrator(accountId, servicePrincipal) {
      const op = 'DeregisterDelegatedAdministrator';
      ctx.enter(SVC, op);
      findAccount(ctx, op, accountId);
      const before = s().delegatedAdministrators.length;
      s().delegatedAdministrators = s().delegatedAdministrators.filter(
        (d) => !(d.accountId === accountId && d.servicePrincipal === servicePrincipal),
      );
      if (s().delegatedAdministrators.length === before)
        throw awsError(
          SVC,
          op,
          'AccountNotRegisteredException',
          `${accountId} is not registered for ${servicePrincipal}.`,
        );
    },
  };
}
