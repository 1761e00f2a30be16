import {
  type AssignmentInfo,
  type CloudTrailPort,
  IDENTITY_CENTER_SOURCE,
  isServiceError,
  ORGANIZATIONS_SOURCE,
  type OrganizationsPort,
  type SsoAdminPort,
} from '@orgops/live';
import type { Tags } from '@orgops/model';
import type { SandboxContext } from './sandbox-context.ts';
import { nextId, type SandboxEvent } from './state.ts';

/** CloudTrail's event history keeps 90 days. */
export const RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

type Request = (args: readonly unknown[]) => Record<string, unknown>;
const tagList = (tags: unknown) =>
  Object.entries((tags ?? {}) as Tags).map(([key, value]) => ({ key, value }));
const arg = <T>(args: readonly unknown[], i: number) => args[i] as T;

/**
 * The requestParameters AWS records for each write (the API's request members, first letter
 * lower-cased), from the port method's arguments.
 */
const ORGANIZATIONS_REQUESTS: Readonly<Record<string, Request>> = {
  createOrganizationalUnit: (a) => ({ parentId: a[0], name: a[1], tags: tagList(a[2]) }),
  updateOrganizationalUnit: (a) => ({ organizationalUnitId: a[0], name: a[1] }),
  deleteOrganizationalUnit: (a) => ({ organizationalUnitId: a[0] }),
  createAccount: (a) => {
    const input = arg<{ email: string; name: string; tags: Tags }>(a, 0);
    return { email: input.email, accountName: input.name, tags: tagList(input.tags) };
  },
  moveAccount: (a) => ({ accountId: a[0], sourceParentId: a[1], destinationParentId: a[2] }),
  closeAccount: (a) => ({ accountId: a[0] }),
  tagResource: (a) => ({ resourceId: a[0], tags: tagList(a[1]) }),
  untagResource: (a) => ({ resourceId: a[0], tagKeys: a[1] }),
  createPolicy: (a) => {
    const input = arg<{ type: string; name: string; description: string; content: string; tags: Tags }>(a, 0);
    return { ...input, tags: tagList(input.tags) };
  },
  updatePolicy: (a) => ({ ...arg<object>(a, 0) }),
  deletePolicy: (a) => ({ policyId: a[0] }),
  attachPolicy: (a) => ({ policyId: a[0], targetId: a[1] }),
  detachPolicy: (a) => ({ policyId: a[0], targetId: a[1] }),
  enablePolicyType: (a) => ({ rootId: a[0], policyType: a[1] }),
  disablePolicyType: (a) => ({ rootId: a[0], policyType: a[1] }),
  enableAWSServiceAccess: (a) => ({ servicePrincipal: a[0] }),
  disableAWSServiceAccess: (a) => ({ servicePrincipal: a[0] }),
  registerDelegatedAdministrator: (a) => ({ accountId: a[0], servicePrincipal: a[1] }),
  deregisterDelegatedAdministrator: (a) => ({ accountId: a[0], servicePrincipal: a[1] }),
};

const onPermissionSet =
  (more: (a: readonly unknown[]) => Record<string, unknown> = () => ({})): Request =>
  (a) => ({
    instanceArn: a[0],
    permissionSetArn: a[1],
    ...more(a),
  });
const assignment: Request = (a) => {
  const x = arg<AssignmentInfo>(a, 1);
  return {
    instanceArn: a[0],
    targetId: x.accountId,
    targetType: 'AWS_ACCOUNT',
    permissionSetArn: x.permissionSetArn,
    principalType: x.principalType,
    principalId: x.principalId,
  };
};

const SSO_ADMIN_REQUESTS: Readonly<Record<string, Request>> = {
  createPermissionSet: (a) => {
    const input = arg<{ tags: Tags }>(a, 1);
    return { instanceArn: a[0], ...input, tags: tagList(input.tags) };
  },
  updatePermissionSet: (a) => {
    const { arn, ...rest } = arg<{ arn: string }>(a, 1);
    return { instanceArn: a[0], permissionSetArn: arn, ...rest };
  },
  deletePermissionSet: onPermissionSet(),
  putInlinePolicyToPermissionSet: onPermissionSet((a) => ({ inlinePolicy: a[2] })),
  deleteInlinePolicyFromPermissionSet: onPermissionSet(),
  attachManagedPolicyToPermissionSet: onPermissionSet((a) => ({ managedPolicyArn: a[2] })),
  detachManagedPolicyFromPermissionSet: onPermissionSet((a) => ({ managedPolicyArn: a[2] })),
  attachCustomerManagedPolicyReferenceToPermissionSet: onPermissionSet((a) => ({
    customerManagedPolicyReference: a[2],
  })),
  detachCustomerManagedPolicyReferenceFromPermissionSet: onPermissionSet((a) => ({
    customerManagedPolicyReference: a[2],
  })),
  putPermissionsBoundaryToPermissionSet: onPermissionSet((a) => ({ permissionsBoundary: a[2] })),
  deletePermissionsBoundaryFromPermissionSet: onPermissionSet(),
  tagResource: (a) => ({ instanceArn: a[0], resourceArn: a[1], tags: tagList(a[2]) }),
  untagResource: (a) => ({ instanceArn: a[0], resourceArn: a[1], tagKeys: a[2] }),
  provisionPermissionSet: onPermissionSet((a) => ({ targetId: a[2], targetType: 'AWS_ACCOUNT' })),
  createAccountAssignment: assignment,
  deleteAccountAssignment: assignment,
};

/**
 * The port with every write method recording its CloudTrail event, successful or not (a failed
 * call is recorded with its error code, as AWS does). Reads record nothing: drift looks up writes
 * only.
 */
export function recordingWrites<P extends OrganizationsPort | SsoAdminPort>(
  ctx: SandboxContext,
  source: string,
  port: P,
): P {
  const requests = source === ORGANIZATIONS_SOURCE ? ORGANIZATIONS_REQUESTS : SSO_ADMIN_REQUESTS;
  const wrapped: Record<string, unknown> = { ...port };
  for (const [method, request] of Object.entries(requests)) {
    const call = (port as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
    if (!call) throw new Error(`sandbox: ${method} is not a method of the ${source} port`);
    const name = method.charAt(0).toUpperCase() + method.slice(1);
    wrapped[method] = async (...args: unknown[]) => {
      try {
        const result = await call(...args);
        record(ctx, source, name, request(args));
        return result;
      } catch (err) {
        if (isServiceError(err)) record(ctx, source, name, request(args), err.code);
        throw err;
      }
    };
  }
  return wrapped as P;
}

function record(
  ctx: SandboxContext,
  source: string,
  name: string,
  request: Record<string, unknown>,
  errorCode?: string,
) {
  const now = ctx.now();
  const events = ctx.state.events ?? [];
  // Recorded in time order, so only the front can have aged out.
  const first = events[0];
  const kept =
    first && Date.parse(first.time) < now - RETENTION_MS
      ? events.filter((e) => Date.parse(e.time) >= now - RETENTION_MS)
      : events;
  const n = nextId(ctx.state, 'event');
  const event: SandboxEvent = {
    id: `00000000-0000-4000-a000-${n.toString(16).padStart(12, '0')}`,
    time: new Date(now).toISOString(),
    source,
    name,
    // As JSON, like the record AWS keeps (no undefined members).
    request: JSON.parse(JSON.stringify(request)) as Record<string, unknown>,
    ...(errorCode ? { errorCode } : {}),
  };
  kept.push(event);
  ctx.state.events = kept;
}

/** LookupEvents over the recorded events: newest first, 50 to a page, as AWS returns them. */
export function sandboxCloudTrail(ctx: SandboxContext): CloudTrailPort {
  return {
    deliveryDelayMs: 0,
    retentionMs: RETENTION_MS,
    async lookupWriteEvents(start, end) {
      return ctx.list('cloudtrail', 'LookupEvents', () => {
        const from = start.getTime();
        const to = end.getTime();
        const oldest = ctx.now() - RETENTION_MS;
        return (ctx.state.events ?? [])
          .filter((e) => {
            const t = Date.parse(e.time);
            return t >= from && t <= to && t >= oldest;
          })
          .reverse()
          .map((e) => ({
            id: e.id,
            time: e.time,
            source: e.source,
            name: e.name,
            request: structuredClone(e.request),
            ...(e.errorCode ? { errorCode: e.errorCode } : {}),
          }));
      });
    },
  };
}

export { IDENTITY_CENTER_SOURCE, ORGANIZATIONS_SOURCE };
