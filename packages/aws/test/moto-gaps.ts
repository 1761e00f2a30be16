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
}
