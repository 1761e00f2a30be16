import type { OrganizationPolicy } from '../policy.ts';
import { resourceControlPolicy, serviceControlPolicy } from '../policy.ts';
import type { ConditionBlock, ServiceControlPolicyDocument } from '../policy-document.ts';

/** A one-statement SCP document denying `action` on every resource. */
export function denyDocument(action: string | readonly string[]): ServiceControlPolicyDocument {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: '*' }] };
}

/** The guardrail most test organizations attach at the root: accounts cannot leave. */
export function denyLeavePolicy(name = 'deny-leave'): OrganizationPolicy {
  return serviceControlPolicy({ name, content: denyDocument('organizations:LeaveOrganization') });
}

/** The quarantine SCP: denies every action. */
export function denyAllPolicy(name = 'deny-all'): OrganizationPolicy {
  return serviceControlPolicy({ name, content: denyDocument('*') });
}

/** The quarantine RCP: denies every principal access to S3. */
export function denyAllResourcesPolicy(name = 'deny-all-resource-access'): OrganizationPolicy {
  return denyS3Policy(name);
}

/** The RCP condition that matches requests made without TLS. */
export const INSECURE_TRANSPORT: ConditionBlock = { Bool: { 'aws:SecureTransport': 'false' } };

/** An RCP denying every principal access to S3, only under `condition` when one is given. */
export function denyS3Policy(name: string, condition?: ConditionBlock): OrganizationPolicy {
  return resourceControlPolicy({
    name,
    content: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: '*',
          ...(condition === undefined ? {} : { Condition: condition }),
        },
      ],
    },
  });
}
