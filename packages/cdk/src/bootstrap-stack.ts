import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  type IOidcProvider,
  OidcProviderNative,
  PolicyDocument,
  PolicyStatement,
  Role,
  WebIdentityPrincipal,
} from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { type BootstrapConfig, partitionOf } from './config.ts';
import {
  issuerHostPath,
  PIPELINE_ROLES,
  type PipelineJob,
  pipelineSubjects,
  REPOSITORY_VARIABLES,
  STS_AUDIENCE,
} from './github.ts';
import { pipelineStatements } from './role-permissions.ts';

export const BOOTSTRAP_STACK_NAME = 'OrgopsBootstrap';

/** GitHub's OIDC tokens last minutes; an hour covers the longest apply and bounds a leaked session. */
export const SESSION_DURATION = Duration.hours(1);

export interface OrgopsBootstrapStackProps extends StackProps {
  readonly config: BootstrapConfig;
}

const JOB_DESCRIPTIONS: Record<PipelineJob, string> = {
  plan: 'orgops plan on pull requests: read-only',
  drift: 'orgops drift on the default branch: read-only',
  apply: 'orgops apply from the protected environment: writes the organization',
};

/**
 * The pipeline's footprint in the management account: the GitHub OIDC provider (created, or an
 * existing one reused) and one role per job, each trusted for exactly one token subject.
 */
export class OrgopsBootstrapStack extends Stack {
  readonly provider: IOidcProvider;
  readonly roles: Readonly<Record<PipelineJob, Role>>;

  constructor(scope: Construct, id: string, props: OrgopsBootstrapStackProps) {
    const { config, ...stackProps } = props;
    super(scope, id, {
      description: `orgops pipeline bootstrap for ${config.repository.owner}/${config.repository.name}`,
      // Deleting this stack takes the pipeline's access away: make it a deliberate two-step act.
      terminationProtection: true,
      ...stackProps,
      env: { account: config.managementAccountId, region: config.region },
    });

    const issuer = issuerHostPath(config.oidcIssuer);
    this.provider = config.existingOidcProviderArn
      ? OidcProviderNative.fromOidcProviderArn(this, 'GitHubOidcProvider', config.existingOidcProviderArn)
      : new OidcProviderNative(this, 'GitHubOidcProvider', {
          url: config.oidcIssuer,
          clientIds: [STS_AUDIENCE],
          // No thumbprints: IAM verifies GitHub's certificate against its trusted CAs.
        });

    const subjects = pipelineSubjects(config.repository, config.defaultBranch);
    const permissionContext = {
      partition: partitionOf(config.region),
      account: config.managementAccountId,
      ...(config.identityCenterKmsKeyArn ? { identityCenterKmsKeyArn: config.identityCenterKmsKeyArn } : {}),
    };
    const role = (job: PipelineJob): Role => {
      const r = new Role(this, `${job[0]!.toUpperCase()}${job.slice(1)}Role`, {
        roleName: PIPELINE_ROLES[job],
        description: `${JOB_DESCRIPTIONS[job]}; trusted for ${subjects[job]}`,
        maxSessionDuration: SESSION_DURATION,
        // Exact matches only: a wildcard in sub would let other branches, pull requests or
        // repositories assume the role.
        assumedBy: new WebIdentityPrincipal(this.provider.oidcProviderArn, {
          StringEquals: { [`${issuer}:aud`]: STS_AUDIENCE, [`${issuer}:sub`]: subjects[job] },
        }),
        inlinePolicies: {
          [PIPELINE_ROLES[job]]: new PolicyDocument({
            statements: pipelineStatements(job, permissionContext).map(
              (s) =>
                new PolicyStatement({
                  sid: s.sid,
                  actions: [...s.actions],
                  resources: [...s.resources],
                  ...(s.condition ? { conditions: s.condition } : {}),
                }),
            ),
          }),
        },
      });
      // cdk-nag AwsSolutions-IAM5 flags every "*" resource.
      Validations.of(r).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Organizations and Identity Center ids are created by apply itself and most of their List ' +
          'actions accept no resource ARN; the actions are exactly those the AWS backend calls ' +
          '(@orgops/aws AWS_OPERATIONS), each named, no action wildcard.',
      });
      return r;
    };
    this.roles = { plan: role('plan'), drift: role('drift'), apply: role('apply') };
    const reservedReason =
      'Identity Center creates and updates the AWSReservedSSO_* roles and the AWSSSO_* SAML provider in the ' +
      "management account with the caller's credentials (not its service-linked role); their names carry " +
      'generated suffixes, so only the reserved path and name prefix can be named.';
    const { partition } = permissionContext;
    for (const resource of [
      `arn:${partition}:iam::${config.managementAccountId}:role/aws-reserved/sso.amazonaws.com/*`,
      `arn:${partition}:iam::${config.managementAccountId}:saml-provider/AWSSSO_*`,
    ]) {
      Validations.of(this.roles.apply).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${resource}]`,
        reason: reservedReason,
      });
    }

    const values: Record<(typeof REPOSITORY_VARIABLES)[number]['variable'], string> = {
      ORGOPS_AWS_REGION: config.region,
      ORGOPS_PLAN_ROLE_ARN: this.roles.plan.roleArn,
      ORGOPS_DRIFT_ROLE_ARN: this.roles.drift.roleArn,
      ORGOPS_APPLY_ROLE_ARN: this.roles.apply.roleArn,
    };
    for (const { variable, output } of REPOSITORY_VARIABLES) {
      new CfnOutput(this, output, {
        value: values[variable],
        description: `Repository variable ${variable}`,
      });
    }
  }
}
