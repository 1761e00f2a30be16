import { FullAWSAccess, organizationalUnit, organizationRoot } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { applyFor, converge, planFor, summary } from './e2e-helpers.ts';
import { sandbox } from './helpers.ts';
import { accountNamed, attachedTo, deny, member, orgOf, ouAt } from './truth-helpers.ts';

const denyAll = deny('deny-all', '*');

describe('issue 13 item 2: closing an account keeps its move and retag', () => {
  const config = (closing: boolean, keepWorkloads = true) => {
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const workloads = organizationalUnit('Workloads', { parent: root });
    const suspended = organizationalUnit('Suspended', { parent: root, policies: [FullAWSAccess, denyAll] });
    const victim = closing
      ? member('victim', suspended, { tags: { state: 'retired' }, close: { reason: 'project ended' } })
      : member('victim', workloads, { tags: { state: 'live' } });
    return orgOf({
      root,
      ous: keepWorkloads ? [workloads, suspended] : [suspended],
      members: [victim],
    });
  };

  it('moves and retags the account before closing it, and the next plan is empty', async () => {
    const sb = sandbox();
    await converge(sb, config(false));
    const lines = summary(await planFor(sb, config(true)));
    expect(lines).toEqual(
      expect.arrayContaining([
        'place-accounts: move account/victim@example.com',
        'place-accounts: tag account/victim@example.com',
        'close-accounts: close account/victim@example.com',
      ]),
    );
    await converge(sb, config(true));
    const victim = accountNamed(sb, 'victim');
    expect(victim.parentId).toBe(ouAt(sb, 'Suspended')!.id);
    expect(victim.tags).toEqual({ state: 'retired' });
    expect(victim.state).not.toBe('ACTIVE');
  });

  it('closes the account even when its old OU is removed in the same change', async () => {
    const sb = sandbox();
    await converge(sb, config(false));
    await converge(sb, config(true, false));
    expect(ouAt(sb, 'Workloads')).toBeUndefined();
    expect(accountNamed(sb, 'victim').parentId).toBe(ouAt(sb, 'Suspended')!.id);
  });
});

describe('issue 13 item 3: an OU rename that reuses the old name', () => {
  it('renames Prod to Legacy in place and moves payments into the new Prod', async () => {
    const sb = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const prod = organizationalUnit('Prod', { parent: root });
    await converge(sb, orgOf({ root, ous: [prod], members: [member('payments', prod)] }));
    const oldProd = ouAt(sb, 'Prod')!.id;

    const legacy = organizationalUnit('Legacy', {
      parent: root,
      renamedFrom: 'Prod',
      policies: [FullAWSAccess, denyAll],
    });
    const newProd = organizationalUnit('Prod', { parent: root });
    await converge(sb, orgOf({ root, ous: [legacy, newProd], members: [member('payments', newProd)] }));

    expect(ouAt(sb, 'Legacy')!.id).toBe(oldProd);
    expect(attachedTo(sb, oldProd)).toEqual(['FullAWSAccess', 'deny-all']);
    const prodNow = ouAt(sb, 'Prod')!.id;
    expect(prodNow).not.toBe(oldProd);
    expect(accountNamed(sb, 'payments').parentId).toBe(prodNow);
    expect(attachedTo(sb, prodNow)).toEqual(['FullAWSAccess']);
  });

  it('nested: the old /Prod/EU is emptied before it is deleted', async () => {
    const sb = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const prod = organizationalUnit('Prod', { parent: root });
    const eu = organizationalUnit('EU', { parent: prod });
    await converge(sb, orgOf({ root, ous: [prod, eu], members: [member('payments', eu)] }));
    const oldEu = ouAt(sb, 'Prod', 'EU')!.id;

    const legacy = organizationalUnit('Legacy', { parent: root, renamedFrom: 'Prod' });
    const newProd = organizationalUnit('Prod', { parent: root });
    const newEu = organizationalUnit('EU', { parent: newProd });
    await converge(sb, orgOf({ root, ous: [legacy, newProd, newEu], members: [member('payments', newEu)] }));
    expect(sb.exportState().ous.some((o) => o.id === oldEu)).toBe(false);
    expect(accountNamed(sb, 'payments').parentId).toBe(ouAt(sb, 'Prod', 'EU')!.id);
  });
});

describe('issue 13 item 4: an OU name containing "/"', () => {
  it('does not mistake a top-level "Prod/EU" for /Prod/EU', async () => {
    const sb = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const prod = organizationalUnit('Prod', { parent: root, policies: [FullAWSAccess, denyAll] });
    const eu = organizationalUnit('EU', { parent: prod });
    const config = orgOf({ root, ous: [prod, eu], members: [member('shop', eu)] });
    await converge(sb, config);

    // In the console: a top-level OU named "Prod/EU", and shop moved into it, out of /Prod's reach.
    const org = sb.organizations;
    const rootId = sb.exportState().root.id;
    const impostor = await org.createOrganizationalUnit(rootId, 'Prod/EU', {});
    const shop = accountNamed(sb, 'shop');
    await org.moveAccount(shop.id, shop.parentId, impostor.id);

    const lines = summary(await planFor(sb, config));
    expect(lines).toContain('place-accounts: move account/shop@example.com');
    expect(lines.some((l) => l.startsWith('delete-ous: delete ou/Prod\\/EU'))).toBe(true);
    await converge(sb, config);
    expect(accountNamed(sb, 'shop').parentId).toBe(ouAt(sb, 'Prod', 'EU')!.id);
    expect(ouAt(sb, 'Prod/EU')).toBeUndefined();
  });
});

describe('issue 13 item 13: renaming a parent and its child in one plan', () => {
  it('renames both in place and does not show their accounts as moving', async () => {
    const sb = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const a = organizationalUnit('A', { parent: root });
    const c = organizationalUnit('C', { parent: a });
    await converge(sb, orgOf({ root, ous: [a, c], members: [member('app', c)] }));
    const ids = { a: ouAt(sb, 'A')!.id, c: ouAt(sb, 'A', 'C')!.id };

    const b = organizationalUnit('B', { parent: root, renamedFrom: 'A' });
    const d = organizationalUnit('D', { parent: b, renamedFrom: 'C', policies: [FullAWSAccess, denyAll] });
    const config = orgOf({ root, ous: [b, d], members: [member('app', d)] });
    const lines = summary(await planFor(sb, config));
    expect(lines.filter((l) => l.includes('account/app'))).toEqual([]);
    await converge(sb, config);
    expect(ouAt(sb, 'B')!.id).toBe(ids.a);
    expect(ouAt(sb, 'B', 'D')!.id).toBe(ids.c);
    expect(attachedTo(sb, ids.c)).toEqual(['FullAWSAccess', 'deny-all']);
  });
});

describe("issue 13, also: an OU's new SCPs are attached before accounts move in", () => {
  it('attaches, then moves and creates', async () => {
    const sb = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const workloads = organizationalUnit('Workloads', { parent: root });
    const before = organizationalUnit('Prod', { parent: root });
    await converge(sb, orgOf({ root, ous: [workloads, before], members: [member('app', workloads)] }));

    const prod = organizationalUnit('Prod', { parent: root, policies: [FullAWSAccess, denyAll] });
    const p = await planFor(
      sb,
      orgOf({ root, ous: [workloads, prod], members: [member('app', prod), member('fresh', prod)] }),
    );
    const events: { kind: string; address?: string }[] = [];
    const result = await applyFor(sb, p, events as never[]);
    expect(result.ok).toBe(true);
    const done = events.filter((e) => e.kind === 'done').map((e) => e.address);
    const attached = done.indexOf('attachment/SERVICE_CONTROL_POLICY/deny-all@/Prod');
    expect(attached).toBeGreaterThanOrEqual(0);
    expect(attached).toBeLessThan(done.indexOf('account/app@example.com'));
    expect(attached).toBeLessThan(done.indexOf('account/fresh@example.com'));
  });
});
