import type { AwsClients } from '../src/index.ts';
import { injectFaults } from './faults.ts';

/**
 * Answers the three sso-admin reads moto lacks the way AWS does for permission sets with no
 * boundary, no tags and no outdated accounts, so the reader can run against moto. The answers go
 * through the SDK's deserializer and the backend counts them like any other call.
 */
export function fillMotoGaps(clients: AwsClients): void {
  injectFaults(clients.ssoAdmin, (operation, _index, input) => {
    if (operation === 'GetPermissionsBoundaryForPermissionSet') {
      return { status: 400, type: 'ResourceNotFoundException', message: 'No permissions boundary' };
    }
    if (operation === 'ListTagsForResource') return { status: 200, body: { Tags: [] } };
    // moto ignores the ProvisioningStatus filter; on AWS nothing is outdated right after provisioning.
    if (
      operation === 'ListAccountsForProvisionedPermissionSet' &&
      input.ProvisioningStatus === 'LATEST_PERMISSION_SET_NOT_PROVISIONED'
    ) {
      return { status: 200, body: { AccountIds: [] } };
    }
    return undefined;
  });
  // moto's Service Quotas knows only VPC quotas: GetServiceQuota answers NoSuchResourceException
  // for Organizations (as AWS does for a quota never raised) and GetAWSDefaultServiceQuota is not
  // implemented. AWS answers the default account quota, 10.
  if (clients.serviceQuotas) {
    injectFaults(clients.serviceQuotas, (operation, _index, input) =>
      operation === 'GetAWSDefaultServiceQuota' && input.ServiceCode === 'organizations'
        ? {
            status: 200,
            body: {
              Quota: {
                ServiceCode: 'organizations',
                QuotaCode: input.QuotaCode,
                QuotaName: 'Default maximum number of accounts',
                Value: 10,
                Adjustable: true,
                GlobalQuota: true,
              },
            },
          }
        : undefined,
    );
  }
}
