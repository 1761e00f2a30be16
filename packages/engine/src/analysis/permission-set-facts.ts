import { sessionSeconds } from '@orgops/model';
import type { PermissionSetFields } from '../snapshot.ts';
import { isAllowEverything, plural, statementDiff, statementsOfText } from './policy-facts.ts';

/** The parts of a permission set that decide what it grants. */
export type GrantFields = Pick<
  PermissionSetFields,
  'sessionDuration' | 'inlinePolicy' | 'managedPolicies' | 'customerManagedPolicies' | 'permissionsBoundary'
>;

export type AccessLevel = 'admin' | 'power-user';

/** `arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` -> `ViewOnlyAccess`. */
export function managedPolicyName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1) || arn;
}

/**
 * Admin-equivalent: AdministratorAccess or an inline Allow of `*` on `*`. PowerUserAccess is
 * everything but IAM and Organizations, which is one step from admin, so it is its own level.
 * A permissions boundary is not taken into account: it may cap the grant, but the review
 * should still look at it.
 */
export function accessLevel(
  ps: Pick<GrantFields, 'managedPolicies' | 'inlinePolicy'>,
): AccessLevel | undefined {
  const names = ps.managedPolicies.map(managedPolicyName);
  if (names.includes('AdministratorAccess')) return 'admin';
  if ((statementsOfText(ps.inlinePolicy) ?? []).some(isAllowEverything)) return 'admin';
  if (names.includes('PowerUserAccess')) return 'power-user';
  return undefined;
}

/** `PT4H` -> `4h`, `PT1H30M` -> `1h30m`; unknown forms are returned as they are. */
export function durationWords(duration: string | undefined): string {
  if (duration === undefined) return 'default';
  const seconds = sessionSeconds(duration);
  if (seconds === undefined) return duration;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '0s';
}

function boundaryWords(boundary: GrantFields['permissionsBoundary']): string {
  if (!boundary) return 'none';
  if ('managedPolicyArn' in boundary) return managedPolicyName(boundary.managedPolicyArn);
  return `${boundary.customerManagedPolicy.path}${boundary.customerManagedPolicy.name}`;
}

/** "AdministratorAccess, inline policy, 1h sessions" — what holding the permission set gives. */
export function grantsSummary(ps: GrantFields): string {
  const parts = [
    ...ps.managedPolicies.map(managedPolicyName),
    ...ps.customerManagedPolicies.map((c) => `${c.path}${c.name} (customer-managed)`),
  ];
  if (ps.inlinePolicy) parts.push('inline policy');
  if (parts.length === 0) parts.push('no policies');
  if (ps.permissionsBoundary) parts.push(`boundary ${boundaryWords(ps.permissionsBoundary)}`);
  parts.push(`${durationWords(ps.sessionDuration)} sessions`);
  return parts.join(', ');
}

function listDiff(label: string, before: readonly string[], after: readonly string[]): string[] {
  return [
    ...after.filter((x) => !before.includes(x)).map((x) => `+ ${label} ${x}`),
    ...before.filter((x) => !after.includes(x)).map((x) => `- ${label} ${x}`),
  ];
}

/**
 * What a permission-set update changes, in words a reviewer can sign off:
 * "session 1h -> 4h", "+ managed policy AdministratorAccess", "inline policy changed: +2 statements".
 */
export function describePermissionSetUpdate(
  before: Partial<PermissionSetFields>,
  after: Partial<PermissionSetFields>,
): string[] {
  const out: string[] = [];
  const has = (key: keyof PermissionSetFields): boolean => key in after || key in before;
  if (has('sessionDuration') && before.sessionDuration !== after.sessionDuration) {
    out.push(`session ${durationWords(before.sessionDuration)} -> ${durationWords(after.sessionDuration)}`);
  }
  if (has('managedPolicies')) {
    out.push(
      ...listDiff(
        'managed policy',
        (before.managedPolicies ?? []).map(managedPolicyName),
        (after.managedPolicies ?? []).map(managedPolicyName),
      ),
    );
  }
  if (has('customerManagedPolicies')) {
    const names = (list: PermissionSetFields['customerManagedPolicies'] | undefined): string[] =>
      (list ?? []).map((c) => `${c.path}${c.name}`);
    out.push(
      ...listDiff(
        'customer-managed policy',
        names(before.customerManagedPolicies),
        names(after.customerManagedPolicies),
      ),
    );
  }
  if (has('inlinePolicy') && before.inlinePolicy !== after.inlinePolicy) {
    if (!before.inlinePolicy) {
      out.push(`+ inline policy (${plural(statementsOfText(after.inlinePolicy)?.length ?? 0, 'statement')})`);
    } else if (!after.inlinePolicy) {
      out.push('- inline policy');
    } else {
      const { added, removed } = statementDiff(before.inlinePolicy, after.inlinePolicy);
      const counts = [
        added.length ? `+${plural(added.length, 'statement')}` : '',
        removed.length ? `-${plural(removed.length, 'statement')}` : '',
      ].filter(Boolean);
      out.push(`inline policy changed${counts.length ? `: ${counts.join(', ')}` : ''}`);
    }
  }
  if (has('permissionsBoundary')) {
    const b = boundaryWords(before.permissionsBoundary);
    const a = boundaryWords(after.permissionsBoundary);
    if (a !== b) out.push(`permissions boundary ${b} -> ${a}`);
  }
  if (has('description') && before.description !== after.description) out.push('description changed');
  if (has('relayState') && before.relayState !== after.relayState) out.push('relay state changed');
  if (has('tags')) out.push('tags changed');
  return out;
}

/**
 * The permission set after an update: fields named on either side of the update take the `after`
 * value (a field removed by the update may be left out of `after`).
 */
export function mergeFields(
  current: GrantFields,
  update: { readonly before: Partial<PermissionSetFields>; readonly after: Partial<PermissionSetFields> },
): GrantFields {
  const { before, after } = update;
  const touched = (key: keyof GrantFields): boolean => key in before || key in after;
  return {
    sessionDuration: after.sessionDuration ?? current.sessionDuration,
    inlinePolicy: touched('inlinePolicy') ? after.inlinePolicy : current.inlinePolicy,
    managedPolicies: touched('managedPolicies') ? (after.managedPolicies ?? []) : current.managedPolicies,
    customerManagedPolicies: touched('customerManagedPolicies')
      ? (after.customerManagedPolicies ?? [])
      : current.customerManagedPolicies,
    permissionsBoundary: touched('permissionsBoundary')
      ? after.permissionsBoundary
      : current.permissionsBoundary,
  };
}

/**
 * The permission set before an update: the fields the update names take its `before` values. In a
 * plan that is what AWS holds; for drift read backwards (see `invertChanges`) it is the config.
 */
export function fieldsBefore(
  current: GrantFields,
  update: { readonly before: Partial<PermissionSetFields>; readonly after: Partial<PermissionSetFields> },
): GrantFields {
  return mergeFields(current, { before: update.after, after: update.before });
}
