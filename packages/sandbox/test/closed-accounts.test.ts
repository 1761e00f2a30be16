import { checkConformance, formatDiscrepancy } from '@orgops/engine';
import { FullAWSAccess, normalize, organizationalUnit, organizationRoot } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { applyFor, converge, planFor, summary } from './e2e-helpers.ts';
import { sandbox } from './helpers.ts';
import { accountNamed, member, orgOf, ouAt } from './truth-helpers.ts';
import { truthSnapshot } from './truth-snapshot.ts';

/**
 * Found by the widened property test (not among issue 13's items, a sibling of item 2): config
 * that moves or retags an account it already closed was planned as "No changes", while AWS keeps
 * a closed account in the organization for 90 days, where it can still be moved (into a
 * quarantine OU, say) and tagged.
 */
describe('an account that is already closing', () => {
  const root = organizationRoot({ policies: [FullAWSAccess] });
  const workloads = organizationalUnit('Workloads', { parent: root });
  const suspended = organizationalUnit('Suspended', { parent: root });
  const closing = (parent = workloads, tags: Record<string, string> = { env: 'prod' }) =>
    orgOf({
      root,
      ous: [workloads, suspended],
      members: [member('old', parent, { tags, close: { reason: 'retired' } })],
    });

  it('is still moved and retagged as config says, and the oracle agrees', async () => {
    const sb = sandbox({ asyncPolls: 1, closeTicks: 1 });
    await converge(
      sb,
      orgOf({
        root,
        ous: [workloads, suspended],
        members: [member('old', workloads, { tags: { env: 'prod' } })],
      }),
    );
    await converge(sb, closing());
    expect(accountNamed(sb, 'old').state).not.toBe('ACTIVE');

    const config = closing(suspended, { env: 'none' });
    const p = await planFor(sb, config);
    expect(summary(p)).toEqual([
      'place-accounts: move account/old@example.com',
      'place-accounts: tag account/old@example.com',
    ]);
    const result = await applyFor(sb, p);
    expect(result.ok).toBe(true);
    expect(accountNamed(sb, 'old').parentId).toBe(ouAt(sb, 'Suspended')?.id);
    expect(
      checkConformance(normalize(config), truthSnapshot(sb.exportState())).map(formatDiscrepancy),
    ).toEqual([]);
    expect(summary(await planFor(sb, config))).toEqual([]);
  });
});
