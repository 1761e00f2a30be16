/** orgops lint on the imported organization: every smell the seed left is named, at its line. */

import { lintConfig } from '@orgops/lint';
import { describe, expect, it } from 'vitest';
import type { BrownfieldRun } from './brownfield-run.ts';
import { SEEDED_SMELLS } from './brownfield-shape.ts';

export function describeLint(run: BrownfieldRun): void {
  describe('lint: orgops lint on the imported organization names every seeded smell', () => {
    it('finds the misspelt action, the inline * admin, the SCP near its size limit, the user assignments and the long admin session', async () => {
      const desired = run.imported();
      const importedConfig = run.importedConfig();
      const started = performance.now();
      const { findings } = await lintConfig({ config: importedConfig, desired });
      console.info(
        `linted 201 accounts in ${((performance.now() - started) / 1000).toFixed(1)} s: ${findings.length} findings`,
      );
      const of = (rule: string) => findings.filter((f) => f.rule === rule);
      expect(of('unknown-action').map((f) => f.value)).toContain(SEEDED_SMELLS.misspeltAction);
      expect(of('unknown-action').find((f) => f.value === SEEDED_SMELLS.misspeltAction)?.subject.key).toBe(
        'policy:SERVICE_CONTROL_POLICY/deny-cloudtrail-changes',
      );
      expect(of('inline-admin-wildcard').map((f) => f.subject.key)).toEqual([
        `permission-set:${SEEDED_SMELLS.inlineAdmin}`,
      ]);
      expect(of('policy-near-size-limit').map((f) => f.subject.key)).toEqual([
        `policy:SERVICE_CONTROL_POLICY/${SEEDED_SMELLS.nearLimitPolicy}`,
      ]);
      expect(
        of('assignment-to-user')
          .map((f) => f.value)
          .sort(),
      ).toEqual([...SEEDED_SMELLS.users]);
      expect(of('long-admin-session').map((f) => f.subject.key)).toEqual([
        `permission-set:${SEEDED_SMELLS.longAdminSession}`,
      ]);
      // The hidden admin reaches security accounts through carol's Support grant.
      expect(of('admin-in-sensitive-account').map((f) => f.subject.key)).toContain(
        'assignment:USER:carol:Support',
      );
      // Every finding points at the generated file and line it is about.
      for (const f of findings) expect(f.site?.file, `${f.rule} ${f.path}`).toMatch(/brownfield-\d+\//);
    });
  });
}
