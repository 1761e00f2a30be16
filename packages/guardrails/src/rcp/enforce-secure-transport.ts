import type { OrganizationPolicy } from '@orgops/model';
import { guardrailRcp } from '../build.ts';
import type { NamingOptions } from '../guardrail-options.ts';

/** Services whose resources the data-perimeter RCPs cover by default (all support RCPs). */
export const PERIMETER_RCP_ACTIONS: readonly string[] = [
  's3:*',
  'sqs:*',
  'kms:*',
  'secretsmanager:*',
  'sts:*',
];

export interface EnforceSecureTransportOptions extends NamingOptions {
  /** Actions to cover; each service must support RCPs. Defaults to {@link PERIMETER_RCP_ACTIONS}. */
  readonly actions?: readonly string[];
}

/**
 * Resource control policy denying any request to S3, SQS, KMS, Secrets Manager and STS made
 * without TLS, whoever the caller is.
 *
 * Why: encryption in transit as an organization-wide invariant instead of a line every bucket
 * and queue policy has to remember. An RCP binds external principals too, which an SCP cannot.
 * `BoolIfExists` fails closed: a request that carries no `aws:SecureTransport` is denied too.
 *
 * @example
 * const tls = enforceSecureTransport();
 */
export function enforceSecureTransport(options: EnforceSecureTransportOptions = {}): OrganizationPolicy {
  return guardrailRcp(
    {
      name: 'enforce-secure-transport',
      description: 'Denies requests to covered resources made without TLS',
    },
    options,
    [
      {
        Sid: 'EnforceSecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: [...(options.actions ?? PERIMETER_RCP_ACTIONS)],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
      },
    ],
  );
}
