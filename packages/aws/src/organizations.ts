import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { OrganizationsPort } from '@orgops/live';
import { createOrganizationsReads } from './organizations-read.ts';
import { createOrganizationsWrites } from './organizations-write.ts';
import type { Caller } from './request-pipeline.ts';

/** OrganizationsPort over the SDK; `pageSize` is the MaxResults sent (≤ 20). */
export function createOrganizationsPort(
  client: OrganizationsClient,
  caller: Caller,
  pageSize: number,
): OrganizationsPort {
  return {
    ...createOrganizationsReads(client, caller, pageSize),
    ...createOrganizationsWrites(client, caller),
  };
}
