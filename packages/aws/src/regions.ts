import { OrgopsError } from '@orgops/model';

/**
 * Organizations is a global service with a single endpoint per partition: us-east-1 in the
 * commercial partition, us-gov-west-1 in GovCloud (US) and cn-northwest-1 in China
 * (aws-facts.md §2.1). The partition follows from the Identity Center region.
 */
export function organizationsRegionFor(region: string): string {
  if (region.startsWith('us-gov-')) return 'us-gov-west-1';
  if (region.startsWith('cn-')) return 'cn-northwest-1';
  if (/^(us-iso|eu-isoe)/.test(region)) {
    throw new OrgopsError(
      'aws-partition-unsupported',
      `Region ${region} is in an isolated AWS partition; orgops does not know its Organizations endpoint region.`,
    );
  }
  return 'us-east-1';
}
