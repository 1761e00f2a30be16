import {
  accessLevel,
  escalationGrants,
  expandAssignments,
  grantsSummary,
  managedPolicyName,
  statementSentence,
  statementsOfText,
  statementWords,
  summarizePolicy,
} from '@orgops/engine';
import {
  type DesiredPermissionSet,
  type DesiredState,
  OrgopsError,
  ouPathNames,
  ouPathOf,
  policyTypeLabel,
  RCP,
  SCP,
} from '@orgops/model';
import { findAccount } from '../accounts.ts';
import { accountChain } from '../chain.ts';
import type { SimulationIdentity } from '../identity.ts';
import type {
  AccountExplanation,
  AccountPlace,
  LevelExplanation,
  PermissionSetExplanation,
  PolicyExplanation,
  PrincipalExplanation,
  PrincipalRefWords,
} from './types.ts';

/** AWS managed policy documents by ARN, to read what a permission set's managed policies grant. */
export type ManagedDocumentLookup = ReadonlyMap<string, unknown>;

/**
 * Everything in force for one account (name, email or id): its SCP and RCP chain from the root
 * through each OU to the account, each policy's statements in words (what is denied, who is
 * exempt, which Regions are allowed), the other policies on the path, and every principal and
 * permission set that reaches it.
 *
 * @throws OrgopsError `simulation-account-unknown` naming the accounts there are.
 */
export function explainAccount(
  desired: DesiredState,
  identity: SimulationIdentity,
  ref: string,
): AccountExplanation {
  const account = findAccount(desired, identity, ref);
  const chain = accountChain(desired, identity, account.email);
  const levels: LevelExplanation[] = chain.serviceControlPolicies.map((level, i) => ({
    label: level.label,
    target: level.target,
    serviceControlPolicies: policiesAt(desired, level.target, SCP),
    resourceControlPolicies: policiesAt(
      desired,
      chain.resourceControlPolicies[i]?.target ?? level.target,
      RCP,
    ),
    otherPolicies: desired.attachments
      .filter((a) => a.target === level.target && a.policyType !== SCP && a.policyType !== RCP)
      .map((a) => explainPolicy(desired, a.policyType, a.policyName)),
  }));
  const denies = levels
    .flatMap((l) => [...l.serviceControlPolicies, ...l.resourceControlPolicies])
    .flatMap((p) => p.statements.filter((s) => s.effect === 'Deny'));
  const regionLists = levels
    .flatMap((l) => l.serviceControlPolicies)
    .flatMap((p) => p.statements)
    .flatMap((s) => (s.effect === 'Deny' && s.words.allowedRegions ? [s.words.allowedRegions] : []));
  const exempt = new Map<string, number>();
  for (const s of denies) for (const e of s.words.exempt) exempt.set(e, (exempt.get(e) ?? 0) + 1);
  const access = expandAssignments(desired)
    .filter((t) => t.email === account.email)
    .flatMap((t) => {
      const ps = desired.permissionSets.find((p) => p.name === t.permissionSet);
      if (!ps) return [];
      const level = accessLevel(ps);
      return [
        {
          principal: { type: t.principalType, name: t.principalName },
          permissionSet: ps.name,
          grants: grantsSummary(ps),
          ...(level ? { level } : {}),
        },
      ];
    })
    .sort(
      (a, b) =>
        a.permissionSet.localeCompare(b.permissionSet) || a.principal.name.localeCompare(b.principal.name),
    );
  return {
    kind: 'account',
    account: {
      name: account.name,
      email: account.email,
      ...(account.id ? { id: account.id } : {}),
      ouPath: account.parentPath,
      tags: account.tags,
    },
    management: chain.management,
    levels,
    ...(regionLists.length > 0
      ? { allowedRegions: regionLists.reduce((acc, list) => acc.filter((r) => list.includes(r))) }
      : {}),
    exemptions: [...exempt]
      .map(([principal, n]) => ({ principal, denies: n }))
      .sort((a, b) => b.denies - a.denies),
    access,
  };
}

function policiesAt(desired: DesiredState, target: string, type: string): PolicyExplanation[] {
  return desired.attachments
    .filter((a) => a.target === target && a.policyType === type)
    .map((a) => explainPolicy(desired, type, a.policyName));
}

/** One policy of the config, read. */
export function explainPolicy(desired: DesiredState, type: string, name: string): PolicyExplanation {
  const content = desired.policies.find((p) => p.type === type && p.name === name)?.content;
  const statements = type === SCP || type === RCP ? (statementsOfText(content) ?? []) : [];
  return {
    type,
    typeLabel: policyTypeLabel(type),
    name,
    summary: summarizePolicy(type, name, content),
    statements: statements.map(explainStatement),
  };
}

/**
 * What a permission set grants (its policies, the inline policy in words, the paths to admin it
 * opens) and where it reaches: which principals hold it in which accounts.
 *
 * @throws OrgopsError `explain-subject-unknown` for a permission set the organization does not have.
 */
export function explainPermissionSet(
  desired: DesiredState,
  name: string,
  documents: ManagedDocumentLookup = new Map(),
): PermissionSetExplanation {
  const ps = desired.permissionSets.find((p) => p.name === name);
  if (!ps) {
    throw new OrgopsError(
      'explain-subject-unknown',
      `no permission set "${name}"; there are: ${desired.permissionSets.map((p) => p.name).join(', ') || 'none'}.`,
    );
  }
  const level = accessLevel(ps);
  const inline = ps.inlinePolicy ? inlineExplanation(ps) : undefined;
  const byPrincipal = new Map<string, { principal: PrincipalRefWords; accounts: AccountPlace[] }>();
  for (const t of expandAssignments(desired)) {
    if (t.permissionSet !== name) continue;
    const key = `${t.principalType}\u0000${t.principalName}`;
    const entry = byPrincipal.get(key) ?? {
      principal: { type: t.principalType, name: t.principalName },
      accounts: [],
    };
    entry.accounts.push(place(desired, t.email));
    byPrincipal.set(key, entry);
  }
  return {
    kind: 'permission-set',
    name: ps.name,
    ...(ps.description ? { description: ps.description } : {}),
    sessionDuration: ps.sessionDuration,
    grants: grantsSummary(ps),
    ...(level ? { level } : {}),
    managedPolicies: ps.managedPolicies.map(managedPolicyName),
    customerManagedPolicies: ps.customerManagedPolicies.map((c) => `${c.path}${c.name}`),
    ...(ps.permissionsBoundary
      ? {
          permissionsBoundary:
            'managedPolicyArn' in ps.permissionsBoundary
              ? managedPolicyName(ps.permissionsBoundary.managedPolicyArn)
              : `${ps.permissionsBoundary.customerManagedPolicy.path}${ps.permissionsBoundary.customerManagedPolicy.name}`,
        }
      : {}),
    ...(inline ? { inlinePolicy: inline } : {}),
    escalation: escalationGrants(ps, (arn) => documents.get(arn)).map((g) => ({
      path: g.path,
      words: g.words,
      source: g.source,
      grantedBy: g.grantedBy,
      managementOnly: g.managementOnly,
    })),
    unread: ps.managedPolicies.filter((arn) => !documents.has(arn)).map(managedPolicyName),
    reach: [...byPrincipal.values()]
      .map((r) => ({ ...r, accounts: sortPlaces(r.accounts) }))
      .sort((a, b) => a.principal.name.localeCompare(b.principal.name)),
  };
}

/** One statement of a policy, in words and as a sentence. */
function explainStatement(s: Parameters<typeof statementWords>[0]): PolicyExplanation['statements'][number] {
  const words = statementWords(s);
  return {
    ...(words.sid ? { sid: words.sid } : {}),
    effect: words.effect,
    sentence: statementSentence(words),
    words,
  };
}

function inlineExplanation(ps: DesiredPermissionSet): PolicyExplanation {
  const statements = statementsOfText(ps.inlinePolicy) ?? [];
  return {
    type: 'INLINE',
    typeLabel: 'inline policy',
    name: 'inline',
    summary: `${statements.length} statement${statements.length === 1 ? '' : 's'}`,
    statements: statements.map(explainStatement),
  };
}

/** Which permission sets a group or user holds, where, and what each grants. */
export function explainPrincipal(desired: DesiredState, principal: PrincipalRefWords): PrincipalExplanation {
  const byPs = new Map<string, AccountPlace[]>();
  for (const t of expandAssignments(desired)) {
    if (t.principalType !== principal.type || t.principalName !== principal.name) continue;
    byPs.set(t.permissionSet, [...(byPs.get(t.permissionSet) ?? []), place(desired, t.email)]);
  }
  return {
    kind: 'principal',
    principal,
    access: [...byPs]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([name, accounts]) => {
        const ps = desired.permissionSets.find((p) => p.name === name);
        if (!ps) return [];
        const level = accessLevel(ps);
        return [
          {
            permissionSet: name,
            grants: grantsSummary(ps),
            ...(level ? { level } : {}),
            accounts: sortPlaces(accounts),
          },
        ];
      }),
  };
}

function place(desired: DesiredState, email: string): AccountPlace {
  const a = desired.accounts.find((x) => x.email === email);
  return { name: a?.name ?? email, ...(a?.id ? { id: a.id } : {}), ouPath: a?.parentPath ?? '/' };
}

function sortPlaces(list: readonly AccountPlace[]): AccountPlace[] {
  const depth = (p: string) => ouPathNames(p).length;
  return [...list].sort(
    (a, b) =>
      depth(a.ouPath) - depth(b.ouPath) || a.ouPath.localeCompare(b.ouPath) || a.name.localeCompare(b.name),
  );
}

/** `/A/B` and its parents, for drawing. */
export function pathLevels(path: string): string[] {
  const names = ouPathNames(path);
  return ['/', ...names.map((_, i) => ouPathOf(names.slice(0, i + 1)))];
}
