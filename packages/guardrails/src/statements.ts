import { type ConditionBlock, type IdentityStatement, type OneOrMany, OrgopsError } from '@orgops/model';

/**
 * Merges condition blocks. Operators are ANDed by IAM, and so are keys inside one operator, so a
 * merge never widens a statement; a key used twice under the same operator is a programming error.
 */
export function mergeConditions(
  ...blocks: readonly (ConditionBlock | undefined)[]
): ConditionBlock | undefined {
  const out: Record<string, Record<string, OneOrMany<string | number | boolean>>> = {};
  for (const block of blocks) {
    for (const [operator, keys] of Object.entries(block ?? {})) {
      const target = out[operator] ?? {};
      out[operator] = target;
      for (const [key, value] of Object.entries(keys)) {
        if (key in target)
          throw new OrgopsError(
            'guardrail-condition-conflict',
            `condition key ${operator}.${key} set twice`,
            'internal',
          );
        target[key] = value;
      }
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `ArnNotLike aws:PrincipalArn` for the exempt principals; nothing when there are none. */
export function exemptionCondition(exemptPrincipalArns: readonly string[]): ConditionBlock | undefined {
  return exemptPrincipalArns.length > 0
    ? { ArnNotLike: { 'aws:PrincipalArn': [...exemptPrincipalArns] } }
    : undefined;
}

export interface DenyOptions {
  readonly sid: string;
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly condition?: ConditionBlock;
  readonly exemptPrincipalArns: readonly string[];
}

/** A Deny statement for an SCP, with the exemption condition folded in. */
export function denyStatement(options: DenyOptions): IdentityStatement {
  const condition = mergeConditions(options.condition, exemptionCondition(options.exemptPrincipalArns));
  return {
    Sid: options.sid,
    Effect: 'Deny',
    ...(options.actions ? { Action: [...options.actions] } : {}),
    ...(options.notActions ? { NotAction: [...options.notActions] } : {}),
    Resource: options.resources ? [...options.resources] : '*',
    ...(condition ? { Condition: condition } : {}),
  };
}
