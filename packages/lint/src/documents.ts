import {
  type AnyStatement,
  asArray,
  distinctPolicies,
  grammarOfPolicyType,
  permissionSetPath,
  type RuleContext,
  type Site,
} from '@orgops/model';
import { policyStatements } from '@orgops/simulate';
import { permissionSetSubject, policySubject, type Subject } from './subjects.ts';

/** An IAM policy document in the config: an SCP, an RCP or a permission set's inline policy. */
export interface IamDocument {
  readonly kind: 'scp' | 'rcp' | 'inline';
  readonly subject: Subject;
  /** Path of the document in the config, e.g. `root.policies[deny-root-user].content`. */
  readonly path: string;
  readonly site?: Site;
  readonly statements: readonly AnyStatement[];
}

/**
 * Every IAM document the config writes, each once: SCPs and RCPs (AWS managed ones such as
 * FullAWSAccess are AWS's, not ours), then permission sets' inline policies. Management policies
 * (tag, backup, AI opt-out…) are not IAM and are left out.
 */
export function iamDocuments(ctx: RuleContext): IamDocument[] {
  const out: IamDocument[] = [];
  for (const { policy, path } of distinctPolicies(ctx)) {
    if (policy.awsManaged) continue;
    const grammar = grammarOfPolicyType(policy.type);
    if (grammar === 'management') continue;
    out.push({
      kind: grammar === 'resource-control' ? 'rcp' : 'scp',
      subject: policySubject(policy),
      path: `${path}.content`,
      site: policy.site,
      statements: policyStatements(policy.content),
    });
  }
  for (const ps of ctx.collected.permissionSets) {
    if (ps.inlinePolicy === undefined) continue;
    out.push({
      kind: 'inline',
      subject: permissionSetSubject(ps.name),
      path: `${permissionSetPath(ps)}.inlinePolicy`,
      site: ps.site,
      statements: policyStatements(ps.inlinePolicy),
    });
  }
  return out;
}

/** `Statement[2]`, or `Statement` when the document has a single statement object. */
export function statementPath(doc: IamDocument, index: number): string {
  return `${doc.path}.Statement[${index}]`;
}

/** Each entry of `Action` or `NotAction` with its path: `...Statement[0].Action[1]`. */
export function actionEntries(
  statement: AnyStatement,
  base: string,
): { readonly element: 'Action' | 'NotAction'; readonly action: string; readonly path: string }[] {
  return (['Action', 'NotAction'] as const).flatMap((element) => {
    const value = statement[element];
    if (value === undefined) return [];
    const list = asArray(value);
    return list.map((action, i) => ({
      element,
      action,
      path: Array.isArray(value) ? `${base}.${element}[${i}]` : `${base}.${element}`,
    }));
  });
}

/** `Deny` statements' words for what a finding in them does. */
export function effectOf(statement: AnyStatement): 'Allow' | 'Deny' {
  return statement.Effect === 'Deny' ? 'Deny' : 'Allow';
}
