import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';
import { type Backend, RateLimiter } from '@orgops/live';
import { OrgopsError } from '@orgops/model';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { type AwsCallStats, StatsRecorder } from './call-stats.ts';
import { type CallerIdentity, readCallerIdentity } from './caller-identity.ts';
import { createCloudTrailPort } from './cloudtrail.ts';
import { createIdentityStorePort } from './identity-store.ts';
import { createOrganizationsPort } from './organizations.ts';
import { pageSizeFor } from './pagination.ts';
import { checkProfileExists } from './profile-check.ts';
import { createQuotasPort } from './quotas.ts';
import { organizationsRegionFor } from './regions.ts';
import { Caller } from './request-pipeline.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, validateRetryPolicy } from './retry.ts';
import { type Clock, type Logger, systemClock } from './service.ts';
import { createSsoAdminPort } from './sso-admin.ts';

/** Options of {@link createAwsBackend}. Everything defaults to the SDK's standard settings. */
export interface AwsBackendOptions {
  /** Default region (else AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region`). */
  readonly region?: string;
  /** Named profile (else AWS_PROFILE, else the default credential chain). */
  readonly profile?: string;
  /** One endpoint for every service (tests against moto). Else the SDK honours AWS_ENDPOINT_URL. */
  readonly endpoint?: string;
  /** Region of the IAM Identity Center instance; sso-admin and identitystore are called there. Default: `region`. */
  readonly ssoRegion?: string;
  /** Lower MaxResults (tests use 2 to exercise pagination). Capped at each service's maximum. */
  readonly pageSize?: number;
  /** Attempts per request including the first (default 8). */
  readonly maxAttempts?: number;
  /** Multiplies every client-side rate limit. Tests only: AWS throttles at the real rates. */
  readonly rateScale?: number;
  /** Static credentials or a provider, instead of the default chain (tests, or a CLI that already assumed a role). */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Receives retry and throttling diagnostics; never credentials or request payloads. */
  readonly logger?: Logger;
}

/** The AWS backend: the three ports plus what only AWS can say about the caller. */
export interface AwsBackend extends Backend {
  readonly kind: 'aws';
  /** Regions actually used: Organizations is global and lives in its partition's home region. */
  readonly regions: { readonly organizations: string; readonly ssoAdmin: string };
  stats(): AwsCallStats;
  /** Who the credentials belong to and whether that is the management account (memoized). */
  callerIdentity(): Promise<CallerIdentity>;
  /**
   * `false` for a delegated administrator: the operations in MANAGEMENT_ACCOUNT_ONLY_OPERATIONS
   * will then fail with AccessDenied.
   */
  callerIsManagementAccount(): Promise<boolean>;
  /** Close the SDK clients' sockets. */
  destroy(): void;
}

/** The SDK clients a backend uses; tests pass their own (with fault-injection middleware). */
export interface AwsClients {
  readonly organizations: OrganizationsClient;
  readonly ssoAdmin: SSOAdminClient;
  readonly identityStore: IdentitystoreClient;
  readonly sts: STSClient;
  /**
   * CloudTrail per Region, for drift checks that read only what changed: Organizations' home
   * Region (its events are recorded there) and Identity Center's. Without it the backend has no
   * event history and every drift check reads everything.
   */
  readonly cloudTrail?: Readonly<Record<string, CloudTrailClient>>;
  /** Optional: without it, plans do not check the account quota. */
  readonly serviceQuotas?: ServiceQuotasClient;
}

/** Tuning beyond the public options: injected time and randomness for tests. */
export interface AwsBackendInternals {
  readonly location: string;
  readonly regions: AwsBackend['regions'];
  readonly pageSize?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly rateScale?: number;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly logger?: Logger;
}

/**
 * Build the AWS backend from the standard credential chain, profiles and region settings.
 * Every SDK client has `maxAttempts: 1`: retries are owned by retry.ts so they never multiply.
 *
 * @example
 * const backend = await createAwsBackend({ profile: 'org-admin', ssoRegion: 'eu-west-1' });
 * const accounts = await backend.organizations.listAccounts();
 */
export async function createAwsBackend(options: AwsBackendOptions = {}): Promise<AwsBackend> {
  const { clients, location, regions } = await createAwsClients(options);
  return createAwsBackendFromClients(clients, {
    location,
    regions,
    ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
    ...(options.maxAttempts !== undefined ? { retry: { maxAttempts: options.maxAttempts } } : {}),
    ...(options.rateScale !== undefined ? { rateScale: options.rateScale } : {}),
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
}

/**
 * The SDK clients createAwsBackend uses, with the regions and location string it derives.
 * Exposed so tests can add middleware to the very clients production builds.
 */
export async function createAwsClients(options: AwsBackendOptions = {}): Promise<{
  readonly clients: AwsClients;
  readonly location: string;
  readonly regions: AwsBackend['regions'];
}> {
  const profile = options.profile ?? process.env.AWS_PROFILE;
  if (options.profile !== undefined && options.credentials === undefined)
    await checkProfileExists(options.profile);
  const endpoint = options.endpoint;
  const common = {
    // The SDK must not retry on its own: retry.ts owns the policy (see its header).
    maxAttempts: 1,
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
  };
  const ssoRegion = await resolveRegion(options, common);
  const organizationsRegion = organizationsRegionFor(ssoRegion);
  const clients: AwsClients = {
    organizations: new OrganizationsClient({ ...common, region: organizationsRegion }),
    ssoAdmin: new SSOAdminClient({ ...common, region: ssoRegion }),
    identityStore: new IdentitystoreClient({ ...common, region: ssoRegion }),
    sts: new STSClient({ ...common, region: ssoRegion }),
    cloudTrail: Object.fromEntries(
      [...new Set([organizationsRegion, ssoRegion])].map((region) => [
        region,
        new CloudTrailClient({ ...common, region }),
      ]),
    ),
    // Organizations' quotas are kept where Organizations is: us-east-1 in the commercial partition.
    serviceQuotas: new ServiceQuotasClient({ ...common, region: organizationsRegion }),
  };
  const shownEndpoint = endpoint ?? process.env.AWS_ENDPOINT_URL;
  const who =
    options.credentials !== undefined
      ? 'supplied credentials'
      : profile
        ? `profile ${profile}`
        : 'default credentials';
  const location = `aws (${ssoRegion}, ${who}${shownEndpoint ? `, endpoint ${shownEndpoint}` : ''})`;
  return { clients, location, regions: { organizations: organizationsRegion, ssoAdmin: ssoRegion } };
}

async function resolveRegion(options: AwsBackendOptions, common: object): Promise<string> {
  const explicit =
    options.ssoRegion ?? options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (explicit) return explicit;
  // Let the SDK read the profile's `region` from ~/.aws/config.
  const probe = new SSOAdminClient(common);
  try {
    return await probe.config.region();
  } catch {
    throw new OrgopsError(
      'aws-region-missing',
      'No AWS region configured. Set the region of your IAM Identity Center instance with --region, AWS_REGION, ' +
        'or `region` in the profile (Organizations itself is always called in us-east-1).',
    );
  } finally {
    probe.destroy();
  }
}

/** Assemble a backend around existing clients. Used by createAwsBackend and by tests. */
export function createAwsBackendFromClients(clients: AwsClients, internals: AwsBackendInternals): AwsBackend {
  const clock = internals.clock ?? systemClock;
  const stats = new StatsRecorder();
  const retry = validateRetryPolicy({ ...DEFAULT_RETRY_POLICY, ...internals.retry });
  const newCaller = () =>
    new Caller({
      limiter: new RateLimiter(internals.rateScale ?? 1, clock),
      stats,
      retry,
      clock,
      ...(internals.random ? { random: internals.random } : {}),
      ...(internals.logger ? { logger: internals.logger } : {}),
    });
  const caller = newCaller();
  const organizations = createOrganizationsPort(
    clients.organizations,
    caller,
    pageSizeFor('organizations', internals.pageSize),
  );
  const ssoAdmin = createSsoAdminPort(clients.ssoAdmin, caller, pageSizeFor('sso-admin', internals.pageSize));
  const identityStore = createIdentityStorePort(
    clients.identityStore,
    caller,
    pageSizeFor('identitystore', internals.pageSize),
  );
  const trails = Object.entries(clients.cloudTrail ?? {}).map(([region, client]) => ({
    region,
    client,
    caller: newCaller(),
  }));
  const cloudTrail =
    trails.length > 0
      ? createCloudTrailPort(trails, pageSizeFor('cloudtrail', internals.pageSize))
      : undefined;
  const quotas = clients.serviceQuotas ? createQuotasPort(clients.serviceQuotas, caller) : undefined;
  let identity: Promise<CallerIdentity> | undefined;
  const callerIdentity = () => {
    identity ??= readCallerIdentity(clients.sts, caller, organizations);
    // A failed lookup is not cached: the user may fix credentials and retry in the same process.
    identity.catch(() => {
      identity = undefined;
    });
    return identity;
  };
  return {
    kind: 'aws',
    location: internals.location,
    regions: internals.regions,
    organizations,
    ssoAdmin,
    identityStore,
    ...(cloudTrail ? { cloudTrail } : {}),
    ...(quotas ? { quotas } : {}),
    stats: () => stats.snapshot(),
    callerIdentity,
    callerIsManagementAccount: async () => (await callerIdentity()).isManagementAccount,
    destroy: () => destroyAwsClients(clients),
  };
}

/** Closes every client's connections, CloudTrail's one per Region included. */
export function destroyAwsClients(clients: AwsClients): void {
  const { cloudTrail: regional, ...single } = clients;
  for (const client of [...Object.values(single), ...Object.values(regional ?? {})]) client?.destroy();
}
