import type { IdentityStatement, PermissionSet } from '@orgops/model';
import { OrgopsError } from '@orgops/model';
import { blockPermissionSet } from './build.ts';
import { AWS_MANAGED_POLICIES } from './managed-policies.ts';
import type { PermissionSetBlockOptions } from './options.ts';

export interface DeveloperOptions extends PermissionSetBlockOptions {
  /**
   * IAM path prefix of the application roles developers may pass to services (Lambda, ECS, EC2),
   * e.g. `app/` for `arn:aws:iam::*:role/app/*`. Defaults to `app/`; `false` grants no PassRole.
   * Those roles are created by the platform pipeline, never by developers.
   */
  readonly passRolePath?: string | false;
}

const ROLE_PATH = /^[\w+=,.@-]+(\/[\w+=,.@-]+)*\/$/;

/**
 * Build and run workloads: `PowerUserAccess` plus IAM read and `iam:PassRole` on application
 * roles.
 *
 * Why no IAM write: `PowerUserAccess` allows every service except IAM, Organizations and Account,
 * apart from creating and deleting service-linked roles (their trust and permissions are fixed by
 * AWS, so they cannot escalate). Creating roles or policies is how a developer would grant
 * themselves more than this; the platform pipeline owns IAM instead. PassRole is limited to one
 * role path so a developer can give a Lambda its execution role but not hand it an admin role.
 * Identity Center (`sso`, `sso-directory`, `identitystore`) is denied outright: PowerUserAccess
 * would let a developer create an account instance with users of their own.
 *
 * @example
 * const dev = developer();                          // passes roles under /app/
 * const dataDev = developer({ name: 'DataDeveloper', passRolePath: 'data/' });
 */
export function developer(options: DeveloperOptions = {}): PermissionSet {
  const path = options.passRolePath ?? 'app/';
  if (path !== false && !ROLE_PATH.test(path)) {
    throw new OrgopsError(
      'guardrail-options-invalid',
      `developer: passRolePath "${path}" must be an IAM path without leading slash and ending in "/", e.g. "app/".`,
    );
  }
  const statements: IdentityStatement[] = [
    { Sid: 'ReadIam', Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' },
    {
      // PowerUserAccess leaves Identity Center open: an account instance with its own users and
      // permission sets is a way to sign in that the organization does not govern.
      Sid: 'NoIdentityCenter',
      Effect: 'Deny',
      Action: ['sso:*', 'sso-directory:*', 'identitystore:*'],
      Resource: '*',
    },
  ];
  if (path !== false) {
    statements.push({
      Sid: 'PassApplicationRoles',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: `arn:aws:iam::*:role/${path}*`,
    });
  }
  return blockPermissionSet(
    {
      name: 'Developer',
      description: 'Build and run workloads; no IAM changes beyond service-linked roles',
      sessionDuration: 'PT4H',
      managedPolicies: [AWS_MANAGED_POLICIES.PowerUserAccess],
      inlinePolicy: { Version: '2012-10-17', Statement: statements },
    },
    options,
  );
}
