import type { Snapshot } from '../snapshot.ts';

export interface ImportedService {
  readonly principal: string;
  /** Identifier of the delegated administrator account. */
  readonly delegatedAdministrator?: string;
}

/**
 * Trusted services and their delegated administrators. A service whose administrators the model
 * cannot express (several of them, or an account that is not emitted) goes under
 * ignore.trustedServices, so orgops leaves it exactly as it is.
 */
export function importServices(
  snapshot: Snapshot,
  accountIdent: (accountId: string) => string | undefined,
  notes: string[],
): { services: ImportedService[]; ignored: string[] } {
  const services: ImportedService[] = [];
  const ignored: string[] = [];
  const trusted = [...new Set(snapshot.trustedServices)].sort();
  for (const principal of trusted) {
    const admins = [
      ...new Set(
        snapshot.delegatedAdministrators
          .filter((d) => d.servicePrincipal === principal)
          .map((d) => d.accountId),
      ),
    ];
    if (admins.length === 0) {
      services.push({ principal });
      continue;
    }
    const ident = admins.length === 1 ? accountIdent(admins[0]!) : undefined;
    if (ident) {
      services.push({ principal, delegatedAdministrator: ident });
      continue;
    }
    ignored.push(principal);
    notes.push(
      admins.length > 1
        ? `${principal} has ${admins.length} delegated administrators (${admins.join(', ')}); config holds one, so the service is listed under ignore.trustedServices.`
        : `${principal} is administered by account ${admins[0]}, which is not emitted; the service is listed under ignore.trustedServices.`,
    );
  }
  const untrusted = new Set(
    snapshot.delegatedAdministrators.map((d) => d.servicePrincipal).filter((p) => !trusted.includes(p)),
  );
  for (const principal of [...untrusted].sort()) {
    notes.push(
      `${principal} has a delegated administrator but no trusted access; left out (orgops only warns about it).`,
    );
  }
  return { services, ignored };
}
