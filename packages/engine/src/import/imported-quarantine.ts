import { type QuarantineEntry, quarantineRecordOf, RCP, SCP } from '@orgops/model';
import type { Snapshot } from '../snapshot.ts';
import { groupBy, type ImportedOrganization } from './imported-organization.ts';

/** The quarantine of an imported organization: its OU, the guardrails there, and each held account's entry. */
export interface ImportedQuarantine {
  readonly ouIdent: string;
  /** Identifiers of the OU's own SCPs and RCPs (FullAWSAccess left out). */
  readonly guardrails: readonly string[];
  /** Account id -> its quarantine entry, from its tags. */
  readonly entries: ReadonlyMap<string, QuarantineEntry>;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/**
 * An organization that `orgops quarantine` was used on: the OU where the accounts carrying a
 * quarantine record sit (the one with most of them) becomes `quarantine`, its own SCPs and RCPs the
 * guardrails, and each of those accounts gets `quarantine: { reason, at, by }` from its tags, so the
 * generated config keeps them held and its plan changes nothing. Without an SCP there to contain
 * them, no quarantine is emitted and a note says so.
 */
export function importQuarantine(
  snapshot: Snapshot,
  org: ImportedOrganization,
  notes: string[],
): ImportedQuarantine | undefined {
  const emitted = new Set(org.accounts.map((a) => a.account.id));
  const recorded = snapshot.accounts.filter((a) => {
    const r = quarantineRecordOf(a.tags);
    return emitted.has(a.id) && (r.reason !== undefined || r.at !== undefined);
  });
  if (recorded.length === 0) return undefined;
  const byParent = [...groupBy(recorded, (a) => a.parentId)].sort((x, y) => y[1].length - x[1].length);
  const [ouId, held] = byParent[0]!;
  const ou = org.ous.find((o) => o.ou.id === ouId);
  const policyType = new Map(org.policies.map((p) => [p.ident, p.policy.type]));
  const guardrails = (ou?.policies ?? []).filter((ident) => {
    const type = policyType.get(ident);
    return type === SCP || type === RCP;
  });
  for (const [, others] of byParent.slice(1))
    for (const a of others)
      notes.push(
        `Account ${a.name} (${a.id}) carries a quarantine record but sits outside ${ou?.path ?? 'the quarantine OU'}: moved out outside orgops? Its plan removes the record.`,
      );
  if (!ou || !guardrails.some((ident) => policyType.get(ident) === SCP)) {
    notes.push(
      `${held.length} account(s) carry a quarantine record in ${ou?.path ?? 'the root'}, which has no SCP of its own to contain them: no quarantine is emitted, and their plan removes the records. Add quarantine: defineQuarantine({ organizationalUnit, guardrails }) by hand.`,
    );
    return undefined;
  }
  const entries = new Map<string, QuarantineEntry>();
  for (const a of held) {
    const r = quarantineRecordOf(a.tags);
    entries.set(a.id, {
      reason:
        r.reason !== undefined && /[\p{L}\p{N}]/u.test(r.reason) ? r.reason : 'recorded without a reason',
      ...(r.at !== undefined && TIMESTAMP.test(r.at) ? { at: r.at } : {}),
      ...(r.by !== undefined ? { by: r.by } : {}),
    });
  }
  notes.push(
    `${ou.path} holds ${held.length} quarantined account(s): emitted as quarantine, with each account's record as its quarantine entry.`,
  );
  return { ouIdent: ou.ident, guardrails, entries };
}
