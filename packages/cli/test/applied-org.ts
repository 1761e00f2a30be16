import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { orgops, scratchDir, writeTree } from './harness.ts';

/** What differs between the small organizations the drift tests start from. */
export interface SmallOrganization {
  /** A ReadOnly permission set assigned to group read-only on Apps, with this session length if given. */
  readonly readOnly?: { readonly sessionDuration?: string };
  /** The management account listed in config, as the only member of the root. */
  readonly managementAccount?: boolean;
}

/**
 * A root with FullAWSAccess and deny-leave, an Apps OU with one account `app`, Identity Center
 * trusted; the permission set and the management account as `options` say.
 */
export function smallOrganization(options: SmallOrganization = {}): string {
  const { readOnly, managementAccount } = options;
  const session = readOnly?.sessionDuration ? ` sessionDuration: '${readOnly.sessionDuration}',` : '';
  const accounts = [
    ...(managementAccount
      ? ["managementAccount({ name: 'management', email: 'aws-management@example.com', parent: root })"]
      : []),
    "account({ name: 'app', email: 'aws+app@example.com', parent: apps })",
  ];
  return `import { account, assign, defineOrganization, FullAWSAccess, group, managementAccount, organizationalUnit, organizationRoot,
  permissionSet, serviceControlPolicy, trustedService } from '@orgops/model';
const denyLeave = serviceControlPolicy({ name: 'deny-leave', content: { Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] } });
export const root = organizationRoot({ policies: [FullAWSAccess, denyLeave] });
const apps = organizationalUnit('Apps', { parent: root });
${readOnly ? `const readOnly = permissionSet({ name: 'ReadOnly',${session} managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });\n` : ''}export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [apps],
  accounts: [${accounts.join(', ')}],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
${readOnly ? "  permissionSets: [readOnly],\n  assignments: [assign(group('read-only'), readOnly, [apps])],\n" : ''}  trustedServices: [trustedService('sso.amazonaws.com')],
});
`;
}

/** A test file's organization: its config in a scratch directory, applied to a sandbox file once. */
export interface AppliedOrganization {
  readonly dir: string;
  readonly configDir: string;
  readonly sandbox: string;
  /** `extra` with `--config` and `--sandbox-file` of this organization appended. */
  args(...extra: string[]): string[];
}

/** Writes `source` as the config and applies it to a fresh sandbox before the file's tests. */
export function useAppliedOrganization(source: string): AppliedOrganization {
  const scratch = scratchDir();
  afterAll(scratch.cleanup);
  const configDir = join(scratch.dir, 'org');
  const sandbox = join(scratch.dir, 'sandbox.json');
  const args = (...extra: string[]) => [...extra, '--config', configDir, '--sandbox-file', sandbox];
  writeTree(configDir, { 'index.ts': source });
  beforeAll(async () => {
    const run = await orgops(args('apply', '--auto-approve'));
    expect(run.code).toBe(0);
  }, 60_000);
  return { dir: scratch.dir, configDir, sandbox, args };
}
