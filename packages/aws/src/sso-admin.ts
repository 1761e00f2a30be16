import type { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import type { SsoAdminPort } from '@orgops/live';
import type { Caller } from './request-pipeline.ts';
import { createSsoAdminAsyncOperations } from './sso-admin-async.ts';
import { createSsoAdminPermissionSetWrites } from './sso-admin-permission-sets.ts';
import { createSsoAdminReads } from './sso-admin-read.ts';

/** SsoAdminPort over the SDK; `pageSize` is the MaxResults sent (≤ 100). */
export function createSsoAdminPort(client: SSOAdminClient, caller: Caller, pageSize: number): SsoAdminPort {
  return {
    ...createSsoAdminReads(client, caller, pageSize),
    ...createSsoAdminPermissionSetWrites(client, caller),
    ...createSsoAdminAsyncOperations(client, caller),
  };
}
