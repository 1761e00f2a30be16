/** SDK Organizations shapes -> port shapes. */
import type {
  Account,
  PolicyTypeStatus,
  CreateAccountStatus as SdkCreateAccountStatus,
  PolicySummary as SdkPolicySummary,
} from '@aws-sdk/client-organizations';
import type { AccountState } from '@orgops/engine';
import type { AccountInfo, CreateAccountStatus, PolicySummary } from '@orgops/live';
import { required } from './shapes.ts';

const ACCOUNT_STATES: ReadonlySet<string> = new Set<AccountState>([
  'PENDING_ACTIVATION',
  'ACTIVE',
  'SUSPENDED',
  'PENDING_CLOSURE',
  'CLOSED',
]);

export function toAccount(a: Account): AccountInfo {
  // `State` replaces `Status`, which AWS retires on 2026-09-09. Status values are a subset of
  // State values, so an endpoint that only sends Status (an old emulator) still maps.
  const state = a.State ?? a.Status;
  if (state === undefined || !ACCOUNT_STATES.has(state)) {
    throw new Error(`organizations: account ${a.Id} has unknown state ${JSON.stringify(state)}`);
  }
  const joined = a.JoinedMethod;
  return {
    id: required(a.Id, 'Account.Id'),
    name: a.Name ?? '',
    email: a.Email ?? '',
    state: state as AccountState,
    ...(joined === 'INVITED' || joined === 'CREATED' ? { joinedMethod: joined } : {}),
  };
}

export function toPolicySummary(p: SdkPolicySummary | undefined): PolicySummary {
  return {
    id: required(p?.Id, 'PolicySummary.Id'),
    name: p?.Name ?? '',
    type: p?.Type ?? '',
    description: p?.Description ?? '',
    awsManaged: p?.AwsManaged ?? false,
  };
}

export function toCreateStatus(s: SdkCreateAccountStatus | undefined): CreateAccountStatus {
  const state = s?.State;
  if (state !== 'IN_PROGRESS' && state !== 'SUCCEEDED' && state !== 'FAILED') {
    throw new Error(
      `organizations: create-account request ${s?.Id} has unknown state ${JSON.stringify(state)}`,
    );
  }
  return {
    requestId: required(s?.Id, 'CreateAccountStatus.Id'),
    state,
    ...(s?.AccountId ? { accountId: s.AccountId } : {}),
    ...(s?.FailureReason ? { failureReason: s.FailureReason } : {}),
  };
}

export function toPolicyTypeStatus(
  status: PolicyTypeStatus | undefined,
): 'ENABLED' | 'PENDING_ENABLE' | 'PENDING_DISABLE' {
  if (status === 'ENABLED' || status === 'PENDING_ENABLE' || status === 'PENDING_DISABLE') return status;
  throw new Error(`organizations: unknown policy type status ${JSON.stringify(status)}`);
}
