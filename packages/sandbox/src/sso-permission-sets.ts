import type { SsoAdminPermissionSetWrites } from '@orgops/live';
import { LIMITS, policyRejections, type Tags } from '@orgops/model';
import { awsError, type SandboxContext } from './sandbox-context.ts';
import { instanceOf, permissionSetOf, touch } from './sso-helpers.ts';
import { nextId, type SandboxPermissionSet } from './state.ts';

const SVC = 'sso-admin';

const IC = LIMITS.identityCenter;

function validation(op: string, message: string) {
  return awsError(SVC, op, 'ValidationException', message);
}

/** `PT1H`..`PT12H` (minutes allowed), as AWS accepts. */
function sessionHours(duration: string): number | undefined {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(duration);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  return Number(m[1] ?? 0) + Number(m[2] ?? 0) / 60;
}

function checkFields(
  op: string,
  input: { description?: string; sessionDuration: string; relayState?: string },
): void {
  const hours = sessionHours(input.sessionDuration);
  if (hours === undefined || hours < IC.minSessionHours || hours > IC.maxSessionHours)
    throw validation(op, `Session duration ${input.sessionDuration} must be between PT1H and PT12H.`);
  if (
    input.description !== undefined &&
    (input.description.length < 1 || input.description.length > IC.permissionSetDescriptionMaxLength)
  )
    throw validation(op, 'Description must be 1-700 characters.');
  if (
    input.relayState !== undefined &&
    (input.relayState.length < 1 || input.relayState.length > IC.relayStateMaxLength)
  )
    throw validation(op, 'Relay state must be 1-240 characters.');
}

function checkTagCount(op: string, tags: Tags): void {
  if (Object.keys(tags).length > IC.maxTagsPerRequest)
    throw validation(op, `At most ${IC.maxTagsPerRequest} tags per request.`);
}

function policyCount(ps: SandboxPermissionSet): number {
  return ps.managedPolicies.length + ps.customerManagedPolicies.length;
}

function tooManyPolicies(op: string, ps: SandboxPermissionSet) {
  return awsError(
    SVC,
    op,
    'ServiceQuotaExceededException',
    `Permission set ${ps.name} already has ${policyCount(ps)} managed and customer-managed policies; the maximum is ${IC.maxManagedPolicies}.`,
  );
}

/** Permission set writes: every one of them leaves provisioned accounts outdated until re-provisioned. */
export function ssoAdminPermissionSetWrites(ctx: SandboxContext): SsoAdminPermissionSetWrites {
  const s = () => ctx.state;
  const ps = (op: string, instanceArn: string, arn: string) => {
    ctx.enter(SVC, op);
    return permissionSetOf(ctx, op, instanceArn, arn);
  };
  return {
    async createPermissionSet(instanceArn, input) {
      const op = 'CreatePermissionSet';
      ctx.enter(SVC, op);
      const ic = instanceOf(ctx, op, instanceArn);
      if (
        input.name.length < 1 ||
        input.name.length > IC.permissionSetNameMaxLength ||
        !IC.permissionSetNamePattern.test(input.name)
      )
        throw validation(op, `Permission set name "${input.name}" must be 1-32 characters of [\\w+=,.@-].`);
      checkFields(op, input);
      checkTagCount(op, input.tags);
      if (ic.permissionSets.some((p) => p.name === input.name))
        throw awsError(SVC, op, 'ConflictException', `PermissionSet with name ${input.name} already exists.`);
      if (ic.permissionSets.length >= IC.maxPermissionSets)
        throw awsError(SVC, op, 'ServiceQuotaExceededException', 'Too many permission sets.');
      const instanceId = instanceArn.slice(instanceArn.lastIndexOf('/') + 1);
      const arn = `arn:aws:sso:::permissionSet/${instanceId}/ps-${nextId(s(), 'permission-set').toString(16).padStart(16, '0')}`;
      ic.permissionSets.push({
        arn,
        name: input.name,
        sessionDuration: input.sessionDuration,
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.relayState !== undefined ? { relayState: input.relayState } : {}),
        managedPolicies: [],
        customerManagedPolicies: [],
        tags: { ...input.tags },
        version: 1,
        provisioned: {},
      });
      return { arn };
    },
    async updatePermissionSet(instanceArn, input) {
      const op = 'UpdatePermissionSet';
      const p = ps(op, instanceArn, input.arn);
      checkFields(op, input);
      // Only the session duration reaches the IAM roles; a description or relay state change
      // leaves provisioned accounts current.
      const rolesChange = p.sessionDuration !== input.sessionDuration;
      p.sessionDuration = input.sessionDuration;
      // As AWS does: a description left out is kept (there is no way to remove one, TF#41897),
      // a relay state left out is cleared (TF#17411).
      if (input.description !== undefined) p.description = input.description;
      if (input.relayState !== undefined) p.relayState = input.relayState;
      else delete p.relayState;
      if (rolesChange) touch(p);
    },
    async deletePermissionSet(instanceArn, arn) {
      const op = 'DeletePermissionSet';
      const p = ps(op, instanceArn, arn);
      const ic = instanceOf(ctx, op, instanceArn);
      const assigned = ic.assignments.filter((a) => a.permissionSetArn === arn).length;
      const running = ic.requests.some((r) => r.permissionSetArn === arn && r.status === 'IN_PROGRESS');
      if (assigned > 0 || running)
        throw awsError(
          SVC,
          op,
          'ConflictException',
          `Permission set ${p.name} still has ${assigned} assignment(s)${running ? ' and operations in progress' : ''}.`,
        );
      ic.permissionSets = ic.permissionSets.filter((x) => x.arn !== arn);
    },
    async putInlinePolicyToPermissionSet(instanceArn, arn, policy) {
      const op = 'PutInlinePolicyToPermissionSet';
      const p = ps(op, instanceArn, arn);
      const bytes = Buffer.byteLength(policy, 'utf8');
      const nonWhitespace = Buffer.byteLength(policy.replace(/\s/g, ''), 'utf8');
      if (
        bytes < 1 ||
        bytes > IC.inlinePolicyMaxBytes ||
        nonWhitespace > IC.inlinePolicyMaxNonWhitespaceBytes
      )
        throw validation(
          op,
          `Inline policy is ${bytes} bytes (${nonWhitespace} non-whitespace); over the limit.`,
        );
      try {
        JSON.parse(policy);
      } catch {
        throw validation(op, 'Inline policy is not valid JSON.');
      }
      // IAM Identity Center validates the document as an IAM identity policy before storing it.
      const rejected = policyRejections(policy, 'identity');
      const first = rejected[0];
      if (first)
        throw validation(
          op,
          `The inline policy is not a valid IAM policy: ${first.message}${rejected.length > 1 ? ` (and ${rejected.length - 1} more)` : ''}`,
        );
      p.inlinePolicy = policy;
      touch(p);
    },
    async deleteInlinePolicyFromPermissionSet(instanceArn, arn) {
      const p = ps('DeleteInlinePolicyFromPermissionSet', instanceArn, arn);
      delete p.inlinePolicy;
      touch(p);
    },
    async attachManagedPolicyToPermissionSet(instanceArn, arn, policyArn) {
      const op = 'AttachManagedPolicyToPermissionSet';
      const p = ps(op, instanceArn, arn);
      if (!/^arn:aws[a-z-]*:iam::aws:policy\/.+/.test(policyArn))
        throw validation(op, `${policyArn} is not an AWS managed policy ARN.`);
      if (p.managedPolicies.includes(policyArn))
        throw awsError(SVC, op, 'ConflictException', `${policyArn} is already attached to ${p.name}.`);
      if (policyCount(p) >= IC.maxManagedPolicies) throw tooManyPolicies(op, p);
      p.managedPolicies.push(policyArn);
      touch(p);
    },
    async detachManagedPolicyFromPermissionSet(instanceArn, arn, policyArn) {
      const op = 'DetachManagedPolicyFromPermissionSet';
      const p = ps(op, instanceArn, arn);
      if (!p.managedPolicies.includes(policyArn))
        throw awsError(SVC, op, 'ResourceNotFoundException', `${policyArn} is not attached to ${p.name}.`);
      p.managedPolicies = p.managedPolicies.filter((m) => m !== policyArn);
      touch(p);
    },
    async attachCustomerManagedPolicyReferenceToPermissionSet(instanceArn, arn, ref) {
      const op = 'AttachCustomerManagedPolicyReferenceToPermissionSet';
      const p = ps(op, instanceArn, arn);
      if (p.customerManagedPolicies.some((r) => r.name === ref.name && r.path === ref.path))
        throw awsError(
          SVC,
          op,
          'ConflictException',
          `${ref.path}${ref.name} is already attached to ${p.name}.`,
        );
      if (policyCount(p) >= IC.maxManagedPolicies) throw tooManyPolicies(op, p);
      p.customerManagedPolicies.push({ name: ref.name, path: ref.path });
      touch(p);
    },
    async detachCustomerManagedPolicyReferenceFromPermissionSet(instanceArn, arn, ref) {
      const op = 'DetachCustomerManagedPolicyReferenceFromPermissionSet';
      const p = ps(op, instanceArn, arn);
      const before = p.customerManagedPolicies.length;
      p.customerManagedPolicies = p.customerManagedPolicies.filter(
        (r) => !(r.name === ref.name && r.path === ref.path),
      );
      if (p.customerManagedPolicies.length === before)
        throw awsError(
          SVC,
          op,
          'ResourceNotFoundException',
          `${ref.path}${ref.name} is not attached to ${p.name}.`,
        );
      touch(p);
    },
    async putPermissionsBoundaryToPermissionSet(instanceArn, arn, boundary) {
      const p = ps('PutPermissionsBoundaryToPermissionSet', instanceArn, arn);
      p.permissionsBoundary = structuredClone(boundary);
      touch(p);
    },
    async deletePermissionsBoundaryFromPermissionSet(instanceArn, arn) {
      const op = 'DeletePermissionsBoundaryFromPermissionSet';
      const p = ps(op, instanceArn, arn);
      if (!p.permissionsBoundary)
        throw awsError(SVC, op, 'ResourceNotFoundException', `${p.name} has no permissions boundary.`);
      delete p.permissionsBoundary;
      touch(p);
    },
    async tagResource(instanceArn, resourceArn, tags) {
      const op = 'TagResource';
      const p = ps(op, instanceArn, resourceArn);
      checkTagCount(op, tags);
      p.tags = { ...p.tags, ...tags };
    },
    async untagResource(instanceArn, resourceArn, keys) {
      const p = ps('UntagResource', instanceArn, resourceArn);
      p.tags = Object.fromEntries(Object.entries(p.tags).filter(([k]) => !keys.includes(k)));
    },
  };
}
