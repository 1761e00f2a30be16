import { policyTypeLabel, principalLabel, type Tags } from '@orgops/model';
import { accountLabel } from '../analysis/analysis-context.ts';
import type { Change, QuarantineMove, TagDiff, TargetRef } from '../change.ts';
import type { PermissionSetFields } from '../snapshot.ts';
import { type DiffLine, prettyLines, unifiedDiff } from './line-diff.ts';
import { escapeControls } from './safe-text.ts';

/** How one change reads in the views: a headline after its symbol, then value lines. */
export interface ChangeView {
  readonly headline: string;
  readonly details: readonly DiffLine[];
  /** Reason and hint, shown as comments under the change. */
  readonly notes: readonly string[];
}

/**
 * Every text of the view carries organization data (names, tags, descriptions, policy text), so
 * control characters are made visible here, once, for the terminal and the markdown diff block
 * alike: a newline in a name cannot forge a plan line and ESC cannot reach the terminal.
 */
export function viewOf(change: Change): ChangeView {
  const notes = [
    change.reason ? `# ${change.reason}` : '',
    change.hint ? `# hint: ${change.hint}` : '',
    change.kind === 'account-move' && change.quarantine ? `# ${quarantineNote(change.quarantine)}` : '',
  ].filter(Boolean);
  return {
    headline: escapeControls(headlineOf(change)),
    details: detailsOf(change).map((d) => ({ mark: d.mark, text: escapeControls(d.text) })),
    notes: notes.map(escapeControls),
  };
}

function quarantineNote(q: QuarantineMove): string {
  if (q.direction === 'enter') return `into quarantine, as config records: ${q.reason}`;
  const held = [q.quarantinedAt && `since ${q.quarantinedAt}`, q.heldFor !== undefined && `for ${q.heldFor}`]
    .filter(Boolean)
    .join(' ');
  return `RELEASE from quarantine${held ? ` (held ${held})` : ''}: ${q.reason}`;
}

export function targetLabel(target: TargetRef): string {
  switch (target.kind) {
    case 'root':
      return 'root /';
    case 'ou':
      return `ou ${target.path}`;
    default:
      return `account ${accountLabel(target.account)}`;
  }
}

function headlineOf(c: Change): string {
  switch (c.kind) {
    case 'policy-type':
      return `policy type ${policyTypeLabel(c.policyType)} (${c.policyType})`;
    case 'trusted-service':
      return `trusted access for ${c.servicePrincipal}`;
    case 'delegated-admin':
      return `delegated administrator for ${c.servicePrincipal}: ${accountLabel(c.account)}`;
    case 'ou-create':
    case 'ou-update':
    case 'ou-delete':
      return `ou ${c.path}`;
    case 'account-create':
      return `account ${c.name} (${c.email}) in ${c.parentPath}`;
    case 'account-move':
      return `account ${accountLabel(c.account)}: ${c.fromPath} -> ${c.toPath}`;
    case 'account-tag':
    case 'account-close':
      return `account ${accountLabel(c.account)}`;
    case 'policy-create':
    case 'policy-update':
    case 'policy-delete':
      return `${policyTypeLabel(c.policyType)} ${c.name}`;
    case 'policy-attachment':
      return `${policyTypeLabel(c.policyType)} ${c.policyName} ${c.action === 'attach' ? 'to' : 'from'} ${targetLabel(c.target)}`;
    case 'permission-set-create':
    case 'permission-set-update':
    case 'permission-set-delete':
      return `permission set ${c.name}`;
    case 'permission-set-provision':
      return `permission set ${c.name} in ${c.accounts.length} account${c.accounts.length === 1 ? '' : 's'}`;
    case 'assignment':
      return `${principalLabel(c.principal)} -> ${c.permissionSet} in ${accountLabel(c.account)}`;
  }
}

function detailsOf(c: Change): DiffLine[] {
  switch (c.kind) {
    case 'ou-create':
      return tagLines(tagDiffOf({}, c.tags));
    case 'ou-update':
      return [
        ...(c.rename ? [field('~', 'name', `${c.rename.from} -> ${c.rename.to}`)] : []),
        ...(c.tags ? tagLines(c.tags) : []),
      ];
    case 'account-create':
      return tagLines(tagDiffOf({}, c.tags));
    case 'account-tag':
      return tagLines(c.tags);
    case 'account-close':
      return [field(' ', 'reason', c.closeReason)];
    case 'policy-create':
      return [
        ...(c.description ? [field('+', 'description', c.description)] : []),
        ...tagLines(tagDiffOf({}, c.tags)),
        ...block('+', 'content', prettyLines(c.content)),
      ];
    case 'policy-update':
      return [
        ...(c.rename ? [field('~', 'name', `${c.rename.from} -> ${c.rename.to}`)] : []),
        ...(c.description
          ? [field('~', 'description', `${c.description.before} -> ${c.description.after}`)]
          : []),
        ...(c.tags ? tagLines(c.tags) : []),
        ...(c.content ? contentDiff('content', c.content.before, c.content.after) : []),
      ];
    case 'permission-set-create':
      return permissionSetLines({}, c.after);
    case 'permission-set-update':
      return permissionSetLines(c.before, c.after);
    case 'permission-set-provision':
      return c.accounts.map((a) => ({ mark: ' ', text: accountLabel(a) }));
    // The headline says all there is to say about these.
    case 'policy-type':
    case 'trusted-service':
    case 'delegated-admin':
    case 'ou-delete':
    case 'account-move':
    case 'policy-delete':
    case 'policy-attachment':
    case 'permission-set-delete':
    case 'assignment':
      return [];
  }
}

function field(mark: DiffLine['mark'], name: string, value: string): DiffLine {
  return { mark, text: `${name}: ${value}` };
}

function block(mark: DiffLine['mark'], name: string, lines: readonly string[]): DiffLine[] {
  return lines.length
    ? [{ mark, text: `${name}:` }, ...lines.map((text) => ({ mark, text: `  ${text}` }))]
    : [];
}

function contentDiff(name: string, before: string | undefined, after: string | undefined): DiffLine[] {
  if (!before) return block('+', name, prettyLines(after));
  if (!after) return block('-', name, prettyLines(before));
  const diff = unifiedDiff(prettyLines(before), prettyLines(after));
  return [{ mark: '~', text: `${name}:` }, ...diff.map((l) => ({ mark: l.mark, text: `  ${l.text}` }))];
}

export function tagDiffOf(before: Tags, after: Tags): TagDiff {
  const set: Record<string, string> = {};
  for (const [k, v] of Object.entries(after)) if (before[k] !== v) set[k] = v;
  return { set, remove: Object.keys(before).filter((k) => !(k in after)), before };
}

function tagLines(diff: TagDiff): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const key of Object.keys(diff.set).sort()) {
    const value = diff.set[key] ?? '';
    const old = diff.before[key];
    lines.push(
      old === undefined
        ? { mark: '+', text: `tag ${key} = ${JSON.stringify(value)}` }
        : { mark: '~', text: `tag ${key} = ${JSON.stringify(old)} -> ${JSON.stringify(value)}` },
    );
  }
  for (const key of [...diff.remove].sort()) {
    lines.push({ mark: '-', text: `tag ${key} = ${JSON.stringify(diff.before[key] ?? '')}` });
  }
  return lines;
}

type Fields = Partial<PermissionSetFields>;

/** Field-by-field view of a permission set; for a create `before` is empty. */
function permissionSetLines(before: Fields, after: Fields): DiffLine[] {
  const created = Object.keys(before).length === 0;
  const lines: DiffLine[] = [];
  const scalar = (name: string, b: string | undefined, a: string | undefined): void => {
    if (b === a) return;
    if (b === undefined) lines.push(field('+', name, a ?? ''));
    else if (a === undefined) lines.push(field('-', name, b));
    else lines.push(field('~', name, `${b} -> ${a}`));
  };
  const list = (name: string, b: readonly string[] | undefined, a: readonly string[] | undefined): void => {
    if (b === undefined && a === undefined) return;
    for (const x of a ?? []) if (!(b ?? []).includes(x)) lines.push(field('+', name, x));
    for (const x of b ?? []) if (!(a ?? []).includes(x)) lines.push(field('-', name, x));
  };
  const boundary = (f: Fields): string | undefined => {
    const pb = f.permissionsBoundary;
    if (!pb) return undefined;
    return 'managedPolicyArn' in pb
      ? pb.managedPolicyArn
      : `${pb.customerManagedPolicy.path}${pb.customerManagedPolicy.name} (customer-managed)`;
  };
  scalar('description', before.description, after.description);
  scalar('session', before.sessionDuration, after.sessionDuration);
  scalar('relay state', before.relayState, after.relayState);
  list('managed policy', before.managedPolicies, after.managedPolicies);
  list(
    'customer-managed policy',
    before.customerManagedPolicies?.map((p) => `${p.path}${p.name}`),
    after.customerManagedPolicies?.map((p) => `${p.path}${p.name}`),
  );
  scalar('permissions boundary', boundary(before), boundary(after));
  if ('tags' in before || 'tags' in after)
    lines.push(...tagLines(tagDiffOf(before.tags ?? {}, after.tags ?? {})));
  if (before.inlinePolicy !== after.inlinePolicy && (created ? after.inlinePolicy : true)) {
    lines.push(...contentDiff('inline policy', before.inlinePolicy, after.inlinePolicy));
  }
  return lines;
}
