import type { PhaseName } from './phases.ts';

/**
 * One reason the phases run in their order: everything in `first` finishes before anything in
 * `later` starts. `aws` is the AWS behaviour that makes the other order fail or unsafe; `fact` the
 * section of `aws-facts.md` (the team's sourced notes on AWS limits and API behaviour) or of the
 * design that states it.
 */
export interface PhaseRule {
  readonly id: string;
  readonly first: readonly PhaseName[];
  readonly later: readonly PhaseName[];
  readonly aws: string;
  readonly fact: string;
}

/** Every precedence between phases that apply relies on; `PHASES` must satisfy all of them. */
export const PHASE_RULES: readonly PhaseRule[] = [
  {
    id: 'policy-type-before-policies',
    first: ['enable-services'],
    later: ['write-policies', 'attachments', 'attach-new-accounts'],
    aws: 'CreatePolicy and AttachPolicy of a type that is not enabled on the root fail with PolicyTypeNotEnabledException; EnablePolicyType is asynchronous and polled until ENABLED.',
    fact: 'aws-facts.md §2.3, §2.5',
  },
  {
    id: 'trusted-access-before-delegation',
    first: ['enable-services'],
    later: ['delegate'],
    aws: 'RegisterDelegatedAdministrator needs trusted access for the service enabled first.',
    fact: 'aws-facts.md §2.1, §2.3 (SERVICE_ACCESS_NOT_ENABLED)',
  },
  {
    id: 'parents-before-children',
    first: ['create-ous'],
    later: ['attachments', 'create-accounts', 'place-accounts'],
    aws: 'An OU must exist before a policy is attached to it or an account is moved into it (MoveAccount needs the DestinationParentId; DestinationParentNotFoundException).',
    fact: 'aws-facts.md §2.3, §2.4',
  },
  {
    id: 'policies-before-attachments',
    first: ['write-policies'],
    later: ['attachments', 'attach-new-accounts'],
    aws: 'AttachPolicy takes the id of a policy that exists; a renamed policy is attached under its new name.',
    fact: 'aws-facts.md §1.3 (a policy is named by its id, which exists once CreatePolicy returns)',
  },
  {
    id: 'guardrails-before-accounts-arrive',
    first: ['attachments'],
    later: ['create-accounts', 'place-accounts'],
    aws: 'An account is governed by the SCPs of the OU it sits in the moment it arrives; an OU gets its new guardrails before any account is created or moved under it, so no account is ever unguarded.',
    fact: 'aws-facts.md §1.4, §5 (SCP inheritance); DESIGN.md "Safe ordering"',
  },
  {
    id: 'accounts-before-their-attachments',
    first: ['create-accounts'],
    later: ['attach-new-accounts'],
    aws: 'A new account has an id only once CreateAccount SUCCEEDED; AWS attaches only FullAWSAccess to it, so its own policies follow.',
    fact: 'aws-facts.md §1.4, §2.4',
  },
  {
    id: 'accounts-before-their-roles',
    first: ['create-accounts'],
    later: ['delegate', 'provision', 'create-assignments'],
    aws: 'A delegated administrator, a provisioned permission set and an assignment name an account id, which a new account has only once it exists.',
    fact: 'aws-facts.md §2.4, §3.4',
  },
  {
    id: 'permission-sets-before-use',
    first: ['write-permission-sets'],
    later: ['provision', 'create-assignments'],
    aws: 'ProvisionPermissionSet and CreateAccountAssignment take the ARN of a permission set that exists.',
    fact: 'aws-facts.md §3.3, §3.4',
  },
  {
    id: 'reprovision-after-role-changes',
    first: ['write-permission-sets'],
    later: ['provision'],
    aws: 'After a permission set changes, AWS does not update the roles in the accounts until ProvisionPermissionSet runs; re-provision after any role-affecting change.',
    fact: 'aws-facts.md §3.4 (Re-provisioning)',
  },
  {
    id: 'grant-before-revoke',
    first: ['create-assignments'],
    later: ['delete-assignments'],
    aws: 'A principal moved from one permission set to another keeps access throughout: the new assignment exists before the old one goes.',
    fact: 'DESIGN.md "Safe ordering"',
  },
  {
    id: 'assignments-before-permission-set-delete',
    first: ['delete-assignments'],
    later: ['delete-permission-sets'],
    aws: 'DeletePermissionSet fails with ConflictException while assignments exist; assignments are deleted and polled to SUCCEEDED first.',
    fact: 'aws-facts.md §3.4 (DeletePermissionSet)',
  },
  {
    id: 'moves-before-ou-deletes',
    first: ['place-accounts'],
    later: ['delete-ous'],
    aws: 'DeleteOrganizationalUnit fails with OrganizationalUnitNotEmptyException while an account is in the OU.',
    fact: 'aws-facts.md §2.3',
  },
  {
    id: 'detach-before-policy-delete',
    first: ['attachments', 'attach-new-accounts', 'delete-ous'],
    later: ['delete-policies'],
    aws: 'DeletePolicy fails with PolicyInUseException while the policy is attached anywhere; detaching it, or deleting the OU it is attached to, frees it.',
    fact: 'aws-facts.md §2.3',
  },
  {
    id: 'place-before-close',
    first: ['place-accounts'],
    later: ['close-accounts'],
    aws: 'A closed account stays in its OU for 90 days and orgops no longer changes it once it is closing, so it is moved and tagged as config says first.',
    fact: 'aws-facts.md §2.4 (CloseAccount)',
  },
  {
    id: 'deregister-before-disable',
    first: ['delegate'],
    later: ['disable-services'],
    aws: "Trusted access is disabled only after the service's delegated administrator is deregistered, so the service is never left administered by an account it no longer trusts.",
    fact: "orgops's own order (not in aws-facts.md)",
  },
  {
    id: 'disable-last',
    first: ['write-policies', 'attachments', 'attach-new-accounts', 'delete-policies', 'close-accounts'],
    later: ['disable-services'],
    aws: 'Disabling a policy type detaches every policy of that type, and re-enabling attaches only FullAWSAccess: nothing of that type may be written after it.',
    fact: 'aws-facts.md §1.4',
  },
];
