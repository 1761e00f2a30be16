// The moto harness of @orgops/testkit: one moto_server on 127.0.0.1, failing (never skipping) without it.
import {
  createMotoOrganization,
  type Moto,
  startMoto,
  TEST_CREDENTIALS,
  TEST_REGION,
} from '@orgops/testkit/moto';
import { afterAll, beforeAll } from 'vitest';
import { type CliRun, orgops } from './harness.ts';

/** The organization one test file runs against: set once its `beforeAll` has run. */
export interface MotoOrganization {
  readonly moto: Moto;
  /** The id moto gave the organization. */
  readonly orgId: string;
}

/**
 * One moto_server with an organization (all features) for the whole test file, and the standard
 * AWS_* variables pointing at it, as a user's shell would have them. The CLI runs in this process
 * (vitest gives each test file its own), so the SDK reads them from `process.env`; they are
 * restored after the file.
 */
export function useMotoOrganization(): MotoOrganization {
  let moto: Moto | undefined;
  let orgId = '';
  const saved = { ...process.env };
  beforeAll(async () => {
    moto = await startMoto();
    orgId = await createMotoOrganization(moto);
    Object.assign(process.env, awsEnvironment(moto));
    delete process.env.AWS_PROFILE;
    // As bin.ts does for the real command: the SDK's Node 20 notice is not the CLI's output.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  }, 60_000);
  afterAll(async () => {
    process.env = saved;
    await moto?.stop();
  });
  return {
    get moto() {
      if (!moto) throw new Error('moto is started in beforeAll: use it inside a test or hook');
      return moto;
    },
    get orgId() {
      return orgId;
    },
  };
}

/** The standard AWS_* environment for moto: endpoint, region and static test credentials. */
export function awsEnvironment(moto: Moto): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_REGION: TEST_REGION,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  };
}

/** `orgops ARGS --backend aws`, in-process, with the AWS_* environment `useMotoOrganization` set. */
export function orgopsAws(...args: string[]): Promise<CliRun> {
  return orgops([...args, '--backend', 'aws'], { env: process.env });
}

/**
 * The organization the moto tests build (permission sets are left out: moto answers HTTP 500 to
 * GetPermissionsBoundaryForPermissionSet and to tags on permission sets, see moto-notes.md; those
 * paths are covered in @orgops/aws with SDK-level stubs and in the sandbox): an Apps OU with
 * deny-leave and a tag, Identity Center trusted, and `accounts`, an expression over `apps` (a
 * TypeScript array of accounts).
 */
export function appsOrganization(accounts: string): string {
  return `import { account, defineOrganization, FullAWSAccess, organizationalUnit, organizationRoot,
  serviceControlPolicy, trustedService } from '@orgops/model';
const denyLeave = serviceControlPolicy({ name: 'deny-leave', content: { Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] } });
export const root = organizationRoot({ policies: [FullAWSAccess] });
const apps = organizationalUnit('Apps', { parent: root, policies: [FullAWSAccess, denyLeave], tags: { team: 'platform' } });
export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [apps],
  accounts: ${accounts},
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  trustedServices: [trustedService('sso.amazonaws.com')],
});
`;
}
