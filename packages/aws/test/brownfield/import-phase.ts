/** Seeding and import: read -> generateConfig -> load with tsx -> validate -> plan to nothing. */

import { expandAssignments, generateConfig, isEmptyPlan, type Snapshot } from '@orgops/engine';
import { describe, expect, it } from 'vitest';
import { type BrownfieldRun, STEP_TIMEOUT } from './brownfield-run.ts';
import { assignmentKey, MANAGEMENT_ACCOUNT, OU_PATHS, PERMISSION_SETS } from './brownfield-shape.ts';
import { loadConfig, planAgainst, read, summary, writeGenerated } from './harness.ts';

export function describeSeedAndImport(run: BrownfieldRun): void {
  describe('seeding a brownfield organization into moto', () => {
    it('holds 200 member accounts, 20 OUs on three levels, 30 SCPs, 10 permission sets and 500 assignments, in under 60 s', () => {
      console.info(`seeded in ${(run.seedMs / 1000).toFixed(1)} s`);
      expect(run.seeded.accounts).toHaveLength(200);
      expect(Object.keys(run.seeded.ous)).toHaveLength(20);
      expect(Math.max(...OU_PATHS.map((p) => p.split('/').length))).toBe(3);
      expect(Object.keys(run.seeded.policies)).toHaveLength(30);
      expect(Object.keys(run.seeded.permissionSets)).toHaveLength(10);
      expect(new Set(run.seeded.assignments).size).toBe(500);
      expect(run.seedMs).toBeLessThan(60_000);
    });
  });

  describe('import: read -> generateConfig -> load with tsx -> validate -> plan', () => {
    let snapshot: Snapshot | undefined;

    it(
      'reads the whole organization through the backend',
      async () => {
        snapshot = await run.withBackend((b) => read(b));
        const s = snapshot;
        expect(s.organization.managementAccountId).toBe(MANAGEMENT_ACCOUNT);
        expect(s.accounts).toHaveLength(201);
        expect(s.ous.map((o) => run.pathOf(s, o.id)).sort()).toEqual([...OU_PATHS].sort());
        const placement = Object.fromEntries(
          s.accounts
            .filter((a) => a.id !== MANAGEMENT_ACCOUNT)
            .map((a) => [a.name, run.pathOf(s, a.parentId)]),
        );
        expect(placement).toEqual(Object.fromEntries(run.seeded.accounts.map((a) => [a.name, a.home])));
        expect(s.accounts.find((a) => a.name === 'prod-shop-01')?.tags).toEqual({
          env: 'prod',
          team: 'shop',
          'cost-center': 'cc-100',
        });

        const customer = s.policies.filter((p) => !p.awsManaged);
        expect(Object.fromEntries(customer.map((p) => [p.name, [...p.targets].sort()]))).toEqual(
          Object.fromEntries(
            Object.entries(run.seeded.attachments).map(([name, t]) => [name, [...t].sort()]),
          ),
        );
        // moto attaches FullAWSAccess to the root, every OU and every account.
        expect(s.policies.find((p) => p.awsManaged)?.targets).toHaveLength(1 + 20 + 201);
        expect([...s.trustedServices].sort()).toEqual([...run.seeded.trustedServices].sort());
        expect(s.delegatedAdministrators).toEqual([run.seeded.delegatedAdmin]);

        const ic = s.identityCenter!;
        expect(
          Object.fromEntries(
            ic.permissionSets.map((ps) => [
              ps.name,
              [
                ps.description,
                ps.sessionDuration,
                ps.relayState,
                ps.managedPolicies,
                ps.inlinePolicy,
                ps.customerManagedPolicies,
              ],
            ]),
          ),
        ).toEqual(
          Object.fromEntries(
            PERMISSION_SETS.map((ps) => [
              ps.name,
              [
                ps.description,
                ps.sessionDuration,
                ps.relayState,
                [...ps.managed].sort(),
                ps.inline,
                ps.customerManaged ?? [],
              ],
            ]),
          ),
        );
        const read500 = ic.assignments.map((a) =>
          assignmentKey({
            PrincipalType: a.principalType,
            PrincipalId: a.principalId,
            PermissionSetArn: a.permissionSetArn,
            TargetId: a.accountId,
          }),
        );
        expect(read500.sort()).toEqual([...run.seeded.assignments].sort());
      },
      STEP_TIMEOUT,
    );

    it(
      'generates config that loads through tsx, validates, and plans to no changes against a fresh read',
      async () => {
        if (!snapshot) throw new Error('the read above failed');
        const generated = generateConfig(snapshot, { now: new Date('2026-11-23T00:00:00Z') });
        console.info(
          `generated ${generated.files.length} files (${generated.files.map((f) => f.path).join(', ')}); notes: ${generated.notes.length === 0 ? 'none' : `\n  ${generated.notes.join('\n  ')}`}`,
        );
        expect(generated.files.map((f) => f.path)).toContain('index.ts');
        const dir = writeGenerated(generated.files);
        const { config, desired, warnings } = await loadConfig(dir);
        // No warnings: the four users with direct grants are orgops lint's finding (below), not the validator's.
        expect(warnings).toEqual([]);
        expect(desired.accounts).toHaveLength(201);
        expect(desired.ous.map((o) => o.path.slice(1)).sort()).toEqual([...OU_PATHS].sort());
        expect(
          desired.policies
            .filter((p) => !p.awsManaged)
            .map((p) => p.name)
            .sort(),
        ).toEqual(Object.keys(run.seeded.policies).sort());
        expect(desired.permissionSets).toHaveLength(10);
        // The importer folds the 500 grants into rules (by OU where it can); they expand back to 500.
        expect(expandAssignments(desired)).toHaveLength(500);
        console.info(`500 assignments imported as ${desired.assignments.length} assignment rules`);

        const { plan } = await run.withBackend((b) => planAgainst(b, desired));
        expect(summary(plan)).toEqual([]);
        expect(isEmptyPlan(plan)).toBe(true);
        run.setImported(desired, config);
      },
      STEP_TIMEOUT,
    );
  });
}
