import { compromisedIamCredentials } from './compromised-iam-credentials.ts';
import { guardDutyEc2Compromise } from './guardduty-ec2-compromise.ts';
import { publicS3Bucket } from './public-s3-bucket.ts';
import { rootUserActivity } from './root-user-activity.ts';
import { securityServiceTampering } from './security-service-tampering.ts';
import type { Playbook } from './types.ts';

export { definePlaybook } from './define.ts';
export { QUARANTINE_ACTIONS, QUARANTINE_RUN_WITH, quarantineStep } from './quarantine-step.ts';
export { renderPlaybookMarkdown } from './render-markdown.ts';
export type * from './types.ts';
export {
  compromisedIamCredentials,
  guardDutyEc2Compromise,
  publicS3Bucket,
  rootUserActivity,
  securityServiceTampering,
};

/** Every playbook of this organization, in the order the README lists them. */
export const playbooks: readonly Playbook[] = [
  compromisedIamCredentials,
  publicS3Bucket,
  rootUserActivity,
  guardDutyEc2Compromise,
  securityServiceTampering,
];
