import type { CreateAccountStatus, OrganizationsStructureWrites } from '@orgops/live';
import { LIMITS } from '@orgops/model';
import {
  attachDefaults,
  checkTags,
  completeCreateAccount,
  detachEverything,
  findAccount,
  findMemberAccount,
  findOu,
  isParent,
  ouDepth,
  taggable,
} from './org-helpers.ts';
import { awsError, type SandboxContext } from './sandbox-context.ts';
import { nextId, type SandboxCreateAccountRequest } from './state.ts';

const SVC = 'organizations';

function checkOuName(op: string, name: string): void {
  if (name.length < 1 || name.length > LIMITS.organizations.maxOuNameLength)
    throw awsError(
      SVC,
      op,
      'InvalidInputException',
      `OU name must be 1-128 characters.`,
      'MAX_LENGTH_EXCEEDED',
    );
}

function status(r: SandboxCreateAccountRequest): CreateAccountStatus {
  return {
    requestId: r.id,
    state: r.state,
    ...(r.accountId ? { accountId: r.accountId } : {}),
    ...(r.failureReason ? { failureReason: r.failureReason } : {}),
  };
}

export function organizationsStructure(ctx: SandboxContext): OrganizationsStructureWrites {
  const s = () => ctx.state;

  const duplicateOuName = (op: string, parentId: string, name: string, exceptId?: string) => {
    if (s().ous.some((o) => o.parentId === parentId && o.name === name && o.id !== exceptId))
      throw awsError(
        SVC,
        op,
        'DuplicateOrganizationalUnitException',
        `An OU named "${name}" already exists here.`,
      );
  };

  return {
    async createOrganizationalUnit(parentId, name, tags) {
      const op = 'CreateOrganizationalUnit';
      ctx.enter(SVC, op);
      if (!isParent(ctx, parentId))
        throw awsError(SVC, op, 'ParentNotFoundException', `No root or organizational unit ${parentId}.`);
      checkOuName(op, name);
      duplicateOuName(op, parentId, name);
      if (ouDepth(ctx, parentId) + 1 > LIMITS.organizations.maxOuDepth)
        throw awsError(
          SVC,
          op,
          'ConstraintViolationException',
          `OUs can be nested at most ${LIMITS.organizations.maxOuDepth} levels under the root.`,
          'OU_DEPTH_LIMIT_EXCEEDED',
        );
      if (s().ous.length >= LIMITS.organizations.maxOus)
        throw awsError(SVC, op, 'ConstraintViolationException', 'Too many OUs.', 'OU_NUMBER_LIMIT_EXCEEDED');
      const checkedTags = checkTags(op, {}, tags);
      const suffix = s().root.id.slice(2);
      const id = `ou-${suffix}-${nextId(s(), 'ou').toString(36).padStart(8, '0')}`;
      s().ous.push({ id, name, parentId, tags: checkedTags });
      attachDefaults(ctx, id);
      return { id, name };
    },

    async updateOrganizationalUnit(ouId, name) {
      const op = 'UpdateOrganizationalUnit';
      ctx.enter(SVC, op);
      const ou = findOu(ctx, op, ouId);
      checkOuName(op, name);
      duplicateOuName(op, ou.parentId, name, ou.id);
      ou.name = name;
    },

    async deleteOrganizationalUnit(ouId) {
      const op = 'DeleteOrganizationalUnit';
      ctx.enter(SVC, op);
      findOu(ctx, op, ouId);
      if (s().ous.some((o) => o.parentId === ouId) || s().accounts.some((a) => a.parentId === ouId))
        throw awsError(
          SVC,
          op,
          'OrganizationalUnitNotEmptyException',
          `OU ${ouId} still contains accounts or OUs; move or delete them first.`,
        );
      detachEverything(ctx, ouId);
      s().ous = s().ous.filter((o) => o.id !== ouId);
    },

    async createAccount(input) {
      const op = 'CreateAccount';
      ctx.enter(SVC, op);
      const { name, email } = input;
      const rules = LIMITS.account;
      if (name.length < 1 || name.length > rules.nameMaxLength || !rules.namePattern.test(name))
        throw awsError(
          SVC,
          op,
          'InvalidInputException',
          `Invalid account name "${name}".`,
          'INVALID_PATTERN',
        );
      if (
        email.length < rules.emailMinLength ||
        email.length > rules.emailMaxLength ||
        !rules.emailPattern.test(email)
      )
        throw awsError(
          SVC,
          op,
          'InvalidInputException',
          `Invalid account email "${email}".`,
          'INVALID_PATTERN',
        );
      const inProgress = s().createAccountRequests.filter((r) => r.state === 'IN_PROGRESS').length;
      if (inProgress >= LIMITS.organizations.maxConcurrentCreateAccount)
        throw awsError(
          SVC,
          op,
          'ConstraintViolationException',
          `At most ${LIMITS.organizations.maxConcurrentCreateAccount} CreateAccount requests can be in progress.`,
          'ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED',
        );
      const tags = checkTags(op, {}, input.tags);
      const request: SandboxCreateAccountRequest = {
        id: `car-${nextId(s(), 'car').toString(36).padStart(8, '0')}`,
        email,
        name,
        tags,
        state: 'IN_PROGRESS',
        pollsLeft: ctx.asyncPolls,
      };
      s().createAccountRequests.push(request);
      return status(request);
    },

    async describeCreateAccountStatus(requestId) {
      const op = 'DescribeCreateAccountStatus';
      ctx.enter(SVC, op);
      const request = s().createAccountRequests.find((r) => r.id === requestId);
      if (!request)
        throw awsError(SVC, op, 'CreateAccountStatusNotFoundException', `No request ${requestId}.`);
      if (request.state === 'IN_PROGRESS') {
        request.pollsLeft -= 1;
        if (request.pollsLeft <= 0) completeCreateAccount(ctx, request);
      }
      return status(request);
    },

    async moveAccount(accountId, sourceParentId, destinationParentId) {
      const op = 'MoveAccount';
      ctx.enter(SVC, op);
      const account = findAccount(ctx, op, accountId);
      if (!isParent(ctx, sourceParentId) || account.parentId !== sourceParentId)
        throw awsError(
          SVC,
          op,
          'SourceParentNotFoundException',
          `${sourceParentId} is not the current parent of account ${accountId}.`,
        );
      if (!isParent(ctx, destinationParentId))
        throw awsError(
          SVC,
          op,
          'DestinationParentNotFoundException',
          `No root or OU ${destinationParentId}.`,
        );
      if (destinationParentId === sourceParentId)
        throw awsError(
          SVC,
          op,
          'DuplicateAccountException',
          `Account ${accountId} is already in ${destinationParentId}.`,
        );
      account.parentId = destinationParentId;
    },

    async closeAccount(accountId) {
      const op = 'CloseAccount';
      ctx.enter(SVC, op);
      const account = findMemberAccount(ctx, op, accountId, {
        message: 'The management account cannot be closed.',
        reason: 'CANNOT_CLOSE_MANAGEMENT_ACCOUNT',
      });
      if (account.state !== 'ACTIVE')
        throw awsError(SVC, op, 'AccountAlreadyClosedException', `Account ${accountId} is ${account.state}.`);
      const pending = s().accounts.filter((a) => a.state === 'PENDING_CLOSURE').length;
      if (pending >= LIMITS.organizations.maxConcurrentCloseAccount)
        throw awsError(
          SVC,
          op,
          'ConstraintViolationException',
          `At most ${LIMITS.organizations.maxConcurrentCloseAccount} accounts can be closing at once.`,
          'CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED',
        );
      const members = s().accounts.filter((a) => a.id !== s().organization.managementAccountId).length;
      if (s().closedAccounts >= LIMITS.organizations.closeAccountQuota(members))
        throw awsError(
          SVC,
          op,
          'ConstraintViolationException',
          'The CloseAccount quota for the last 30 days is used up.',
          'CLOSE_ACCOUNT_QUOTA_EXCEEDED',
        );
      account.state = 'PENDING_CLOSURE';
      account.suspendAtTick = s().tick + ctx.closeTicks;
      s().closedAccounts += 1;
    },

    async tagResource(resourceId, tags) {
      const op = 'TagResource';
      ctx.enter(SVC, op);
      const resource = taggable(ctx, op, resourceId);
      resource.tags = checkTags(op, resource.tags, tags);
    },

    async untagResource(resourceId, keys) {
      const op = 'UntagResource';
      ctx.enter(SVC, op);
      const resource = taggable(ctx, op, resourceId);
      resource.tags = Object.fromEntries(Object.entries(resource.tags).filter(([k]) => !keys.includes(k)));
    },
  };
}
