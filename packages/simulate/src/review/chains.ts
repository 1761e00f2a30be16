import {
  type AnalysisContext,
  ancestorsOf,
  GUARDRAIL_POLICY_TYPES,
  type PlacedAccount,
  statementsOfText,
  statementWords,
} from '@orgops/engine';
import {
  accountTarget,
  canonicalJson,
  FULL_AWS_ACCESS,
  FullAWSAccess,
  ouPathNames,
  RCP,
  SCP,
} from '@orgops/model';
import type { ChainLevel, ChainPolicy } from '../chain.ts';

/**
 * An account's guardrails as the review sees them, from a plan's review context: root → OUs →
 * account, with the SCPs and RCPs attached at each level. `after` is the config (what the plan
 * makes), `before` is what AWS holds.
 */
export interface ReviewChain {
  readonly accountId: string;
  readonly management: boolean;
  readonly serviceControlPolicies: readonly ChainLevel[];
  readonly resourceControlPolicies: readonly ChainLevel[];
}

/** A policy attached at one level, by type: what a guardrail change adds, removes or rewrites. */
interface Attached {
  readonly type: string;
  readonly name: string;
  readonly document: unknown;
}

const FULL_ACCESS_DOCUMENT: unknown = FullAWSAccess.content;

function parse(type: string, name: string, content: string | undefined): unknown {
  // AWS-managed documents are not always read back; FullAWSAccess is the one orgops attaches.
  if (!content && name === FULL_AWS_ACCESS.name && type === SCP) return FULL_ACCESS_DOCUMENT;
  if (!content) return undefined;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The guardrails attached at each target, after (config) and before (AWS), indexed once per
 * review: at 1,000 accounts, filtering every attachment for every level of every account, and
 * parsing each document again, cost more than the simulations. One parsed object per document
 * also lets {@link chainSignature} and {@link workingRegion} remember what they read from it.
 */
interface ChainIndex {
  readonly after: Map<string, Attached[]>;
  readonly before: Map<string, Attached[]>;
  readonly accountByEmail: Map<string, AnalysisContext['snapshot']['accounts'][number]>;
}

const indexes = new WeakMap<AnalysisContext, ChainIndex>();

function indexOf(ctx: AnalysisContext): ChainIndex {
  const index = indexes.get(ctx);
  if (index) return index;
  const parsed = new Map<string, unknown>();
  const document = (type: string, name: string, content: string | undefined): unknown => {
    const key = `${type}\u0000${name}\u0000${content ?? ''}`;
    if (!parsed.has(key)) parsed.set(key, parse(type, name, content));
    return parsed.get(key);
  };
  const push = (map: Map<string, Attached[]>, key: string, attached: Attached) => {
    const list = map.get(key);
    if (list) list.push(attached);
    else map.set(key, [attached]);
  };
  const after = new Map<string, Attached[]>();
  for (const a of ctx.desired.attachments) {
    if (!GUARDRAIL_POLICY_TYPES.has(a.policyType)) continue;
    const doc = document(a.policyType, a.policyName, ctx.policyContentAfter(a.policyType, a.policyName));
    if (doc !== undefined) push(after, a.target, { type: a.policyType, name: a.policyName, document: doc });
  }
  const before = new Map<string, Attached[]>();
  for (const p of ctx.snapshot.policies) {
    if (!GUARDRAIL_POLICY_TYPES.has(p.type)) continue;
    const doc = document(p.type, p.name, p.content);
    if (doc === undefined) continue;
    for (const target of p.targets) push(before, target, { type: p.type, name: p.name, document: doc });
  }
  const accountByEmail = new Map(ctx.snapshot.accounts.map((a) => [a.email.toLowerCase(), a]));
  const built: ChainIndex = { after, before, accountByEmail };
  indexes.set(ctx, built);
  return built;
}

/** The management account: in config, or (for an account config does not name) never. */
function isManagement(ctx: AnalysisContext, account: PlacedAccount): boolean {
  return ctx.sensitivity(account) === 'management';
}

/**
 * The chain the config gives an account (its OU after the plan, the attachments in config). `undefined`
 * for an account the review cannot place.
 */
export function afterChain(
  ctx: AnalysisContext,
  account: PlacedAccount,
  accountId: string,
): ReviewChain | undefined {
  if (!account.ouPath.startsWith('/')) return undefined;
  const paths = ancestorsOf(account.ouPath).sort((a, b) => ouPathNames(a).length - ouPathNames(b).length);
  const targets = [...paths, accountTarget(account.email)];
  const index = indexOf(ctx);
  const at = (target: string): Attached[] => index.after.get(target) ?? [];
  return build(
    targets.map((target) => ({ target, label: label(target, account), attached: at(target) })),
    accountId,
    isManagement(ctx, account),
  );
}

/** The chain AWS gives an account now, or `undefined` for an account AWS does not have yet. */
export function beforeChain(ctx: AnalysisContext, account: PlacedAccount): ReviewChain | undefined {
  const index = indexOf(ctx);
  const live =
    (account.id ? ctx.snapshotAccountById.get(account.id) : undefined) ??
    index.accountByEmail.get(account.email.toLowerCase());
  if (!live) return undefined;
  const ids: string[] = [];
  const ous = new Map(ctx.snapshot.ous.map((o) => [o.id, o]));
  for (let id: string | undefined = live.parentId; id !== undefined; id = ous.get(id)?.parentId) {
    if (ids.includes(id)) break;
    ids.unshift(id);
    if (id === ctx.snapshot.root.id) break;
  }
  const levels = [...ids, live.id].map((id) => {
    const target = id === live.id ? accountTarget(live.email) : (ctx.ouPathById.get(id) ?? id);
    return { target, label: label(target, account), attached: index.before.get(id) ?? [] };
  });
  return build(levels, live.id, isManagement(ctx, account));
}

/** One guardrail change applied to a chain: what it alone does, whatever else the plan changes. */
export type ChainEdit =
  | {
      readonly kind: 'attach' | 'detach';
      readonly type: string;
      readonly name: string;
      readonly target: string;
      readonly document: unknown;
    }
  | { readonly kind: 'replace'; readonly type: string; readonly name: string; readonly document: unknown };

export function editChain(chain: ReviewChain, edit: ChainEdit): ReviewChain {
  const apply = (levels: readonly ChainLevel[], type: string): ChainLevel[] =>
    levels.map((level) => {
      if (edit.type !== type) return level;
      if (edit.kind === 'replace') {
        return {
          ...level,
          policies: level.policies.map((p) =>
            p.name === edit.name ? { name: p.name, document: edit.document } : p,
          ),
        };
      }
      if (level.target !== edit.target) return level;
      const others = level.policies.filter((p) => p.name !== edit.name);
      return {
        ...level,
        policies: edit.kind === 'attach' ? [...others, { name: edit.name, document: edit.document }] : others,
      };
    });
  return {
    ...chain,
    serviceControlPolicies: apply(chain.serviceControlPolicies, SCP),
    resourceControlPolicies: apply(chain.resourceControlPolicies, RCP),
  };
}

/** Text that is equal for two chains exactly when every level holds the same documents. */
export function chainSignature(chain: ReviewChain): string {
  const docs = (levels: readonly ChainLevel[]) =>
    levels.map((l) => l.policies.map((p) => [p.name, documentText(p.document)]));
  return JSON.stringify([
    chain.management,
    docs(chain.serviceControlPolicies),
    docs(chain.resourceControlPolicies),
  ]);
}

const documentTexts = new WeakMap<object, string>();

/** A document's canonical text, computed once per parsed document. */
function documentText(document: unknown): string {
  if (typeof document !== 'object' || document === null) return canonicalJson(document);
  let text = documentTexts.get(document);
  if (text === undefined) {
    text = canonicalJson(document);
    documentTexts.set(document, text);
  }
  return text;
}

/**
 * A Region the chain's Region rules allow, to ask from: a capability is possible if it is possible
 * somewhere the guardrails let people work. `us-east-1` when no rule names Regions.
 */
export function workingRegion(chain: ReviewChain): string {
  let region = regions.get(chain);
  if (region === undefined) {
    region = allowedRegion(chain);
    regions.set(chain, region);
  }
  return region;
}

const regions = new WeakMap<ReviewChain, string>();

function allowedRegion(chain: ReviewChain): string {
  const lists = chain.serviceControlPolicies
    .flatMap((l) => l.policies)
    .flatMap((p) => regionLists(p.document));
  if (lists.length === 0) return 'us-east-1';
  const common = lists.reduce((acc, list) => acc.filter((r) => list.includes(r)));
  return (common.includes('us-east-1') ? 'us-east-1' : common[0]) ?? lists[0]?.[0] ?? 'us-east-1';
}

const regionListsOf = new WeakMap<object, readonly (readonly string[])[]>();

/** The Regions each Deny statement of a document allows (a Region allow-list), read once per document. */
function regionLists(document: unknown): readonly (readonly string[])[] {
  const cached = typeof document === 'object' && document !== null ? regionListsOf.get(document) : undefined;
  if (cached) return cached;
  const lists = (statementsOfText(JSON.stringify(document)) ?? [])
    .filter((s) => s.Effect === 'Deny')
    .flatMap((s) => {
      const allowed = statementWords(s).allowedRegions;
      return allowed ? [allowed] : [];
    });
  if (typeof document === 'object' && document !== null) regionListsOf.set(document, lists);
  return lists;
}

function build(
  levels: readonly { target: string; label: string; attached: readonly Attached[] }[],
  accountId: string,
  management: boolean,
): ReviewChain {
  const of = (type: string): ChainLevel[] =>
    levels.map((l) => ({
      target: l.target,
      label: l.label,
      policies: l.attached
        .filter((a) => a.type === type)
        .map((a): ChainPolicy => ({ name: a.name, document: a.document })),
    }));
  return { accountId, management, serviceControlPolicies: of(SCP), resourceControlPolicies: of(RCP) };
}

function label(target: string, account: PlacedAccount): string {
  if (target === '/') return 'root';
  if (target.startsWith('account:')) return `account ${account.name}`;
  return target;
}
