import { CRITICAL_SERVICE_PRINCIPALS, type DesiredState } from '@orgops/model';
import { address } from '../addresses.ts';
import type { AccountRef } from '../change.ts';
import type { PlanBuilder } from './builder.ts';
import type { LiveIndex } from './live-index.ts';
import type { QuarantineHolds } from './quarantine-holds.ts';

/** Policy types on the root and trusted service access: additive unless intent is explicit. */
export function diffOrganizationSettings(desired: DesiredState, live: LiveIndex, out: PlanBuilder): void {
  for (const type of desired.policyTypes) {
    if (!live.enabledPolicyTypes.has(type)) {
      out.add('enable-services', {
        kind: 'policy-type',
        action: 'enable',
        policyType: type,
        address: address.policyType(type),
      });
    }
  }
  for (const type of live.enabledPolicyTypes) {
    if (desired.policyTypes.includes(type)) continue;
    if (desired.disable.policyTypes.includes(type)) {
      out.add('disable-services', {
        kind: 'policy-type',
        action: 'disable',
        policyType: type,
        address: address.policyType(type),
        reason: 'listed in disable.policyTypes: every policy of this type is detached',
      });
    } else {
      out.warn('policy-type-not-in-config', {
        message: `Policy type ${type} is enabled in the organization but not listed in policyTypes; orgops leaves it enabled.`,
        path: 'policyTypes',
        value: type,
        fix: `Add '${type}' to policyTypes to manage it, or list it in disable.policyTypes to disable it (this detaches every ${type}).`,
      });
    }
  }

  const live_services = new Set(live.snapshot.trustedServices);
  for (const s of desired.trustedServices) {
    if (!live_services.has(s.principal)) {
      out.add('enable-services', {
        kind: 'trusted-service',
        action: 'enable',
        servicePrincipal: s.principal,
        address: address.trustedService(s.principal),
      });
    }
  }
  const wanted = new Set(desired.trustedServices.map((s) => s.principal));
  for (const principal of live_services) {
    if (wanted.has(principal) || live.isIgnoredService(principal)) continue;
    if (desired.disable.trustedServices.includes(principal)) {
      const impact = CRITICAL_SERVICE_PRINCIPALS[principal];
      out.add('disable-services', {
        kind: 'trusted-service',
        action: 'disable',
        servicePrincipal: principal,
        address: address.trustedService(principal),
        reason: impact ? `listed in disable.trustedServices: ${impact}` : 'listed in disable.trustedServices',
      });
    } else {
      out.warn('trusted-service-not-in-config', {
        message: `Trusted access for ${principal} is enabled but not in trustedServices; orgops leaves it enabled.`,
        path: 'trustedServices',
        value: principal,
        fix: `Add trustedService('${principal}') to manage it, ignore it under ignore.trustedServices, or list it in disable.trustedServices to disable it.`,
      });
    }
  }
}

/** Delegated administrators of services in config; others are left alone with a warning. */
export function diffDelegatedAdmins(
  desired: DesiredState,
  live: LiveIndex,
  accountRefOf: (email: string) => AccountRef | undefined,
  out: PlanBuilder,
  holds?: Pick<QuarantineHolds, 'isContained' | 'holdBack'>,
): void {
  const current = live.snapshot.delegatedAdministrators.filter(
    (d) => !live.isIgnoredService(d.servicePrincipal),
  );
  const managed = new Set(desired.trustedServices.map((s) => s.principal));
  for (const s of desired.trustedServices) {
    if (!s.delegatedAdministrator) continue;
    const ref = accountRefOf(s.delegatedAdministrator);
    if (!ref) continue; // the validator reports dangling references
    const registered = current.some((d) => d.servicePrincipal === s.principal && d.accountId === ref.id);
    if (registered && ref.id) continue;
    const managementId = live.snapshot.organization.managementAccountId;
    const isManagement =
      ref.id === managementId ||
      desired.accounts.some((a) => a.email === s.delegatedAdministrator && a.management);
    if (isManagement) {
      out.error('delegated-admin-management-account', {
        message: `${ref.name} is the management account; AWS refuses to register it as delegated administrator for ${s.principal} (CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR), after the rest of the apply has already run.`,
        path: `trustedServices[${s.principal}].delegatedAdministrator`,
        value: ref.email,
        site: s.site,
        fix: `Delegate ${s.principal} to a member account, such as a security tooling account; the management account administers it already.`,
      });
      continue;
    }
    if (holds?.isContained(ref.email)) {
      // A quarantined account administers nothing new until it is released.
      holds.holdBack(ref.email, `becomes delegated administrator for ${s.principal}`);
      continue;
    }
    out.add('delegate', {
      kind: 'delegated-admin',
      action: 'register',
      servicePrincipal: s.principal,
      account: ref,
      address: address.delegatedAdmin(s.principal, ref.email),
    });
  }
  for (const d of current) {
    const want = desired.trustedServices.find((s) => s.principal === d.servicePrincipal);
    const acct =
      live.accountById.get(d.accountId) ?? live.snapshot.accounts.find((a) => a.id === d.accountId);
    const email = acct?.email.toLowerCase() ?? d.accountId;
    if (want?.delegatedAdministrator === email) continue;
    if (!managed.has(d.servicePrincipal)) {
      out.warn('delegated-admin-not-in-config', {
        message: `${acct?.name ?? d.accountId} is delegated administrator for ${d.servicePrincipal}, which is not in trustedServices; orgops leaves it.`,
        path: 'trustedServices',
        value: d.servicePrincipal,
        fix: `Add trustedService('${d.servicePrincipal}', { delegatedAdministrator }) to manage it, or ignore it under ignore.trustedServices.`,
      });
      continue;
    }
    out.add('delegate', {
      kind: 'delegated-admin',
      action: 'deregister',
      servicePrincipal: d.servicePrincipal,
      account: { email, id: d.accountId, name: acct?.name ?? d.accountId },
      address: address.delegatedAdmin(d.servicePrincipal, email),
    });
  }
}
