import type { AccountBinding } from './check-accounts.ts';
import { accountLabel, type OracleContext } from './oracle-context.ts';

/** Every policy type in `policyTypes` is enabled; every one in `disable.policyTypes` is not. */
export function checkPolicyTypes(ctx: OracleContext): void {
  const status = new Map(ctx.snapshot.root.policyTypes.map((t) => [t.type, t.status]));
  for (const type of ctx.desired.policyTypes) {
    const actual = status.get(type);
    if (actual !== 'ENABLED')
      ctx.report('policy-type', `policy type ${type}`, 'ENABLED', actual ?? 'not enabled');
  }
  for (const type of ctx.desired.disable.policyTypes) {
    if (ctx.desired.policyTypes.includes(type)) continue;
    const actual = status.get(type);
    if (actual !== undefined) ctx.report('policy-type', `policy type ${type}`, 'not enabled', actual);
  }
}

/** Trusted access as config says: listed services enabled, services under `disable` not. */
export function checkTrustedServices(ctx: OracleContext): void {
  const enabled = new Set(ctx.snapshot.trustedServices);
  const wanted = new Set(ctx.desired.trustedServices.map((s) => s.principal));
  for (const principal of wanted) {
    if (!enabled.has(principal))
      ctx.report('trusted-service', `trusted service ${principal}`, 'enabled', 'not enabled');
  }
  for (const principal of ctx.desired.disable.trustedServices) {
    if (!wanted.has(principal) && enabled.has(principal))
      ctx.report('trusted-service', `trusted service ${principal}`, 'not enabled', 'enabled');
  }
}

/**
 * For each service in config: the declared delegated administrator is registered and no other
 * account is. Services outside config, or ignored, are someone else's.
 */
export function checkDelegatedAdministrators(ctx: OracleContext, accounts: AccountBinding): void {
  const registered = ctx.snapshot.delegatedAdministrators;
  for (const service of ctx.desired.trustedServices) {
    if (ctx.ignore.service(service.principal)) continue;
    const wantedEmail = service.delegatedAdministrator;
    const wanted = wantedEmail === undefined ? undefined : accounts.liveOf(wantedEmail);
    const where = `delegated administrator of ${service.principal}`;
    // A quarantined account is made delegated administrator only once it is released.
    if (wantedEmail !== undefined && !accounts.contained(wantedEmail)) {
      const ok =
        wanted &&
        registered.some((d) => d.servicePrincipal === service.principal && d.accountId === wanted.id);
      if (!ok)
        ctx.report('delegated-administrator-missing', where, `account <${wantedEmail}>`, 'not registered');
    }
    for (const d of registered) {
      if (d.servicePrincipal !== service.principal || d.accountId === wanted?.id) continue;
      const live = ctx.snapshot.accounts.find((a) => a.id === d.accountId);
      ctx.report(
        'delegated-administrator-unexpected',
        where,
        wantedEmail === undefined ? 'none' : `only account <${wantedEmail}>`,
        live ? accountLabel(live) : `account ${d.accountId}`,
      );
    }
  }
}
