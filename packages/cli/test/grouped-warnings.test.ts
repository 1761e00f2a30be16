import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { orgops, scratchDir, writeTree } from './harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);

/**
 * A valid organization with `teams` assignments to accounts tagged for a team no account is tagged
 * for: one `assignment-tag-matches-nothing` warning each.
 */
function config(teams: number): string {
  const grants = Array.from(
    { length: teams },
    (_, i) => `assign(group('team-${i}'), ps, [accountsTagged('team', 'team-${i}')])`,
  ).join(',\n    ');
  return `import { account, accountsTagged, assign, defineOrganization, FullAWSAccess, group, managementAccount,
  organizationalUnit, organizationRoot, permissionSet } from '@orgops/model';

export const root = organizationRoot({ policies: [FullAWSAccess] });
export const workloads = organizationalUnit('Workloads', { parent: root });
const mgmt = managementAccount({ name: 'management', email: 'aws-management@example.com', parent: root });
const app = account({ name: 'app', email: 'aws+app@example.com', parent: workloads });
const ps = permissionSet({ name: 'ReadOnly', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });

export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [workloads],
  accounts: [mgmt, app],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  permissionSets: [ps],
  assignments: [
    ${grants},
  ],
});
`;
}

describe('repeated warnings', () => {
  it('print once as a group with two examples; validate --format json lists every one', async () => {
    writeTree(scratch.dir, { 'many/index.ts': config(60), 'few/index.ts': config(3) });
    const many = await orgops(['validate', '--config', join(scratch.dir, 'many')]);
    expect(many.code).toBe(0);
    const lines = many.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines.filter((l) => l.startsWith('warning'))).toEqual([
      'warning [assignment-tag-matches-nothing] 60 tag targets that match no account, e.g.:',
    ]);
    expect(many.stderr).toContain('Assignment of "ReadOnly" to team-0 targets accounts tagged "team=team-0"');
    expect(many.stderr).toContain('Assignment of "ReadOnly" to team-1 targets accounts tagged "team=team-1"');
    expect(many.stderr).not.toContain('team-2');
    expect(many.stderr).toContain('…and 58 more like them (orgops validate --format json lists every one).');
    expect(lines.length).toBeLessThan(10);

    const json = await orgops(['validate', '--config', join(scratch.dir, 'many'), '--format', 'json']);
    const out = JSON.parse(json.stdout) as { warnings: { code: string; path: string }[] };
    expect(out.warnings).toHaveLength(60);
    expect(new Set(out.warnings.map((w) => w.path)).size).toBe(60);
    expect(out.warnings.every((w) => w.code === 'assignment-tag-matches-nothing')).toBe(true);

    const few = await orgops(['validate', '--config', join(scratch.dir, 'few')]);
    expect(few.stderr.split('\n').filter((l) => l.startsWith('warning'))).toHaveLength(3);
  });
});
