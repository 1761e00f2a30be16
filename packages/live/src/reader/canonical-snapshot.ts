import type { Snapshot } from '@orgops/engine';

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

/**
 * The snapshot with every list in one order and the read time left out, so two reads of the same
 * organization compare equal however their calls were scheduled (the full and the incremental
 * drift read, the real and the naive reader).
 */
export function canonicalSnapshot(snapshot: Snapshot): Omit<Snapshot, 'source'> {
  const { source: _source, ...rest } = snapshot;
  const ic = snapshot.identityCenter;
  return {
    ...rest,
    root: { ...rest.root, policyTypes: [...rest.root.policyTypes].sort(byKey((t) => t.type)) },
    ous: [...rest.ous].sort(byKey((o) => o.id)),
    accounts: [...rest.accounts].sort(byKey((a) => a.id)),
    policies: [...rest.policies]
      .map((p) => ({ ...p, targets: [...p.targets].sort() }))
      .sort(byKey((p) => `${p.type}|${p.id}`)),
    trustedServices: [...rest.trustedServices].sort(),
    delegatedAdministrators: [...rest.delegatedAdministrators].sort(
      byKey((d) => `${d.accountId}|${d.servicePrincipal}`),
    ),
    ...(ic
      ? {
          identityCenter: {
            ...ic,
            permissionSets: [...ic.permissionSets]
              .map((ps) => ({
                ...ps,
                provisionedTo: [...ps.provisionedTo].sort(),
                outdatedIn: [...ps.outdatedIn].sort(),
              }))
              .sort(byKey((ps) => ps.arn)),
            assignments: [...ic.assignments].sort(
              byKey((a) => `${a.permissionSetArn}|${a.accountId}|${a.principalType}|${a.principalId}`),
            ),
            principals: [...ic.principals].sort(byKey((p) => `${p.type}|${p.id}`)),
          },
        }
      : {}),
  };
}
