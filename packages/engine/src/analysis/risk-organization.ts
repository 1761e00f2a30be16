import {
  CRITICAL_SERVICE_PRINCIPALS,
  isAccountTarget,
  policyTypeLabel,
  RCP_FULL_AWS_ACCESS,
} from '@orgops/model';
import type { AccountMove, TargetRef } from '../change.ts';
import { type AnalysisContext, accountLabel, isProductionPath, isWithin } from './analysis-context.ts';
import {
  denyCount,
  FULL_ACCESS_POLICY_NAMES,
  GUARDRAIL_POLICY_TYPES,
  plural,
  statementsOfText,
} from './policy-facts.ts';
import type { CodedRisk } from './risk-codes.ts';
import { guardrailEditRisks } from './risk-guardrail-edits.ts';

/**
 * Guardrails taken away: SCP/RCP detached or deleted, or edited to deny less or exempt more
 * (see `risk-guardrail-edits.ts`).
 */
export function guardrailRemovedRisks(ctx: AnalysisContext): CodedRisk[] {
  const risks: CodedRisk[] = [];
  for (const c of ctx.changes) {
    if (c.kind === 'policy-attachment' && c.action === 'detach') {
      if (!GUARDRAIL_POLICY_TYPES.has(c.policyType) || FULL_ACCESS_POLICY_NAMES.has(c.policyName)) continue;
      const denies = denyCount(
        ctx.snapshotPolicy(c.policyType, c.policyName)?.content ??
          ctx.policyContentAfter(c.policyType, c.policyName),
      );
      risks.push({
        level: denies > 0 ? 'high' : 'medium',
        code: 'guardrail-removed',
        message: `${policyTypeLabel(c.policyType)} ${c.policyName}${denies ? ` (${plural(denies, 'Deny statement')})` : ''} is detached from ${targetWords(ctx, c.target)}`,
        addresses: [c.address],
      });
    } else if (c.kind === 'policy-delete') {
      if (!GUARDRAIL_POLICY_TYPES.has(c.policyType) || FULL_ACCESS_POLICY_NAMES.has(c.name)) continue;
      const denies = denyCount(c.content);
      risks.push({
        level: 'medium',
        code: 'guardrail-removed',
        message: `${policyTypeLabel(c.policyType)} ${c.name}${denies ? ` (${plural(denies, 'Deny statement')})` : ''} is deleted`,
        addresses: [c.address],
      });
    } else if (c.kind === 'policy-update' && c.content && GUARDRAIL_POLICY_TYPES.has(c.policyType)) {
      risks.push(...guardrailEditRisks(ctx, c));
    }
  }
  return risks;
}

/**
 * FullAWSAccess detached: below that target only what another SCP allows is possible, and with
 * no other Allow everything is denied. Replacing it with an allow-list SCP is deliberate, so that
 * case is medium.
 */
export function fullAccessDetachedRisks(ctx: AnalysisContext): CodedRisk[] {
  const risks: CodedRisk[] = [];
  for (const c of ctx.changes) {
    if (c.kind !== 'policy-attachment' || c.action !== 'detach') continue;
    if (c.policyType !== 'SERVICE_CONTROL_POLICY' || c.policyName !== 'FullAWSAccess') continue;
    const replacement = ctx.changes.find(
      (a) =>
        a.kind === 'policy-attachment' &&
        a.action === 'attach' &&
        a.policyType === c.policyType &&
        sameTarget(a.target, c.target) &&
        (statementsOfText(ctx.policyContentAfter(a.policyType, a.policyName)) ?? []).some(
          (s) => s.Effect === 'Allow',
        ),
    );
    const where = targetWords(ctx, c.target);
    risks.push({
      level: replacement ? 'medium' : 'high',
      code: 'full-aws-access-detached',
      message: replacement
        ? `FullAWSAccess is detached from ${where} and replaced by the allow-list SCP ${replacement.kind === 'policy-attachment' ? replacement.policyName : ''}: anything it does not allow is denied below`
        : `FullAWSAccess is detached from ${where}: everything below may be denied unless another SCP allows it`,
      addresses: replacement ? [c.address, replacement.address] : [c.address],
    });
  }
  return risks;
}

/** Organization-wide switches: policy types, trusted access, delegated administrators, closure. */
export function organizationRisks(ctx: AnalysisContext): CodedRisk[] {
  const risks: CodedRisk[] = [];
  for (const c of ctx.changes) {
    if (c.kind === 'policy-type' && c.action === 'disable') {
      const guardrail = GUARDRAIL_POLICY_TYPES.has(c.policyType);
      risks.push({
        level: guardrail ? 'high' : 'medium',
        code: 'policy-type-disabled',
        message: guardrail
          ? `${policyTypeLabel(c.policyType)}s are disabled: every ${policyTypeLabel(c.policyType)} attachment is removed from every target, and re-enabling restores only the AWS default`
          : `${policyTypeLabel(c.policyType)}s are disabled: every attachment of that type is removed`,
        addresses: [c.address],
      });
    } else if (c.kind === 'trusted-service' && c.action === 'disable') {
      const breaks = CRITICAL_SERVICE_PRINCIPALS[c.servicePrincipal];
      risks.push({
        level: breaks ? 'high' : 'medium',
        code: 'trusted-service-disabled',
        message: `trusted access for ${c.servicePrincipal} is disabled${breaks ? `: ${breaks}` : ': the service loses its organization-wide view'}`,
        addresses: [c.address],
      });
    } else if (c.kind === 'delegated-admin' && c.action === 'deregister') {
      risks.push({
        level: 'medium',
        code: 'delegated-admin-deregistered',
        message: `${accountLabel(c.account)} stops being the delegated administrator for ${c.servicePrincipal}; the service is administered from the management account only`,
        addresses: [c.address],
      });
    } else if (c.kind === 'account-close') {
      const placed = ctx.place(c.account);
      risks.push({
        level: 'high',
        code: 'account-closure',
        message: `account ${accountLabel(c.account)} in ${placed.ouPath} is closed (${c.closeReason}); it is suspended at once and can be reopened only through AWS Support within 90 days`,
        addresses: [c.address],
      });
    }
  }
  return risks;
}

/**
 * An account moved between OUs trades one set of inherited guardrails for another. Leaving a
 * Suspended OU or entering a production one deserves a look.
 */
export function accountMoveRisks(ctx: AnalysisContext): CodedRisk[] {
  return ctx.changes
    .filter((c): c is AccountMove => c.kind === 'account-move')
    .map((c) => {
      const before = inheritedBefore(ctx, c);
      const after = inheritedAfter(ctx, c);
      const gained = after.filter((p) => !before.includes(p));
      const lost = before.filter((p) => !after.includes(p));
      const change = [...gained.map((p) => `+ ${p}`), ...lost.map((p) => `- ${p}`)];
      const leavesSuspended = /suspend/i.test(c.fromPath) && !/suspend/i.test(c.toPath);
      const entersProduction = isProductionPath(c.toPath) && !isProductionPath(c.fromPath);
      const why = [
        leavesSuspended ? 'leaves a Suspended OU' : '',
        entersProduction ? 'enters production' : '',
      ]
        .filter(Boolean)
        .join(' and ');
      return {
        level: why ? 'medium' : 'low',
        code: 'account-moved',
        message: `account ${accountLabel(c.account)} moves ${c.fromPath} -> ${c.toPath}${why ? ` (${why})` : ''}; inherited guardrails: ${change.length ? change.join(', ') : 'unchanged'}`,
        addresses: [c.address],
      } satisfies CodedRisk;
    });
}

/** Guardrail policies inherited from the root and OUs on the account's current path. */
function inheritedBefore(ctx: AnalysisContext, c: AccountMove): string[] {
  const ids = new Set<string>();
  for (const [id, path] of ctx.ouPathById) if (isWithin(c.fromPath, path)) ids.add(id);
  return (
    ctx.snapshot.policies
      .filter((p) => GUARDRAIL_POLICY_TYPES.has(p.type) && p.targets.some((t) => ids.has(t)))
      // AWS attaches RCPFullAWSAccess to every target and it cannot be detached: no move changes it.
      .filter((p) => !(p.type === 'RESOURCE_CONTROL_POLICY' && p.name === RCP_FULL_AWS_ACCESS.name))
      .map((p) => `${policyTypeLabel(p.type)} ${p.name}`)
      .sort()
  );
}

/** Guardrail policies the config attaches along the account's new path. */
function inheritedAfter(ctx: AnalysisContext, c: AccountMove): string[] {
  const names = ctx.desired.attachments
    .filter((a) => GUARDRAIL_POLICY_TYPES.has(a.policyType) && !isAccountTarget(a.target))
    .filter((a) => isWithin(c.toPath, a.target))
    .map((a) => `${policyTypeLabel(a.policyType)} ${a.policyName}`);
  return [...new Set(names)].sort();
}

function sameTarget(a: TargetRef, b: TargetRef): boolean {
  if (a.kind === 'root' || b.kind === 'root') return a.kind === b.kind;
  if (a.kind === 'ou' || b.kind === 'ou') return a.kind === 'ou' && b.kind === 'ou' && a.path === b.path;
  return a.account.email.toLowerCase() === b.account.email.toLowerCase();
}

function targetWords(ctx: AnalysisContext, target: TargetRef): string {
  switch (target.kind) {
    case 'root':
      return `the root (all ${plural(ctx.accountsBelow('/'), 'account')})`;
    case 'ou':
      return `${target.path} (${plural(ctx.accountsBelow(target.path), 'account')})`;
    default:
      return `account ${accountLabel(target.account)}`;
  }
}
