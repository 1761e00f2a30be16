import type { OrganizationPolicy } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import type { NamingOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

export interface DenyRootUserOptions extends NamingOptions {
  /**
   * Let sessions opened with `sts:AssumeRoot` (centralized root access, run from the management
   * or delegated-admin account for a few privileged tasks such as unlocking a bucket policy) through.
   * Those sessions carry `aws:AssumedRoot`; a root password or root access key never does.
   * Defaults to `true`.
   */
  readonly allowCentralizedRootSessions?: boolean;
}

/**
 * Denies every action to the root user of member accounts.
 *
 * Why: the root user cannot be restricted by IAM, has no MFA enforced by Identity Center and its
 * credentials are long-lived. With Identity Center and centralized root access nobody needs to
 * sign in as root. SCPs never bind the management account, so protect its root user with MFA.
 *
 * It takes no `exemptPrincipalArns`: the principal it targets is `arn:aws:iam::<account>:root`,
 * which no role pattern could exempt.
 *
 * @example
 * const noRoot = denyRootUser();
 */
export function denyRootUser(options: DenyRootUserOptions = {}): OrganizationPolicy {
  const allowAssumedRoot = options.allowCentralizedRootSessions ?? true;
  return guardrailScp(
    { name: 'deny-root-user', description: 'Denies all actions to the root user of member accounts' },
    options,
    [
      denyStatement({
        sid: 'DenyRootUser',
        actions: ['*'],
        condition: {
          ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' },
          ...(allowAssumedRoot ? { Null: { 'aws:AssumedRoot': 'true' } } : {}),
        },
        exemptPrincipalArns: [],
      }),
    ],
  );
}
