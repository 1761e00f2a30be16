import { LIMITS } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { createAccount, expectAwsError, MGMT, RCP, ROOT, SCP, sandbox } from './helpers.ts';

describe('organizational units', () => {
  it('creates OUs with valid ids and FullAWSAccess attached automatically', async () => {
    const sb = sandbox();
    const ou = await sb.organizations.createOrganizationalUnit(ROOT, 'Workloads', {});
    expect(ou.id).toMatch(/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/);
    expect((await sb.organizations.listPoliciesForTarget(ou.id, SCP)).map((p) => p.name)).toEqual([
      'FullAWSAccess',
    ]);
  });

  it('allows 5 levels of nesting and refuses the sixth (OU_DEPTH_LIMIT_EXCEEDED)', async () => {
    const sb = sandbox();
    let parent = ROOT;
    for (let depth = 1; depth <= LIMITS.organizations.maxOuDepth; depth++) {
      parent = (await sb.organizations.createOrganizationalUnit(parent, `level-${depth}`, {})).id;
    }
    await expectAwsError(
      sb.organizations.createOrganizationalUnit(parent, 'too-deep', {}),
      'ConstraintViolationException',
      'OU_DEPTH_LIMIT_EXCEEDED',
    );
  });

  it('refuses a duplicate name under the same parent, on create and rename, but not elsewhere', async () => {
    const sb = sandbox();
    const a = await sb.organizations.createOrganizationalUnit(ROOT, 'Prod', {});
    await expectAwsError(
      sb.organizations.createOrganizationalUnit(ROOT, 'Prod', {}),
      'DuplicateOrganizationalUnitException',
    );
    await sb.organizations.createOrganizationalUnit(a.id, 'Prod', {});
    const b = await sb.organizations.createOrganizationalUnit(ROOT, 'Dev', {});
    await expectAwsError(
      sb.organizations.updateOrganizationalUnit(b.id, 'Prod'),
      'DuplicateOrganizationalUnitException',
    );
    await sb.organizations.updateOrganizationalUnit(b.id, 'Development');
    expect((await sb.organizations.listOrganizationalUnitsForParent(ROOT)).map((o) => o.name)).toEqual([
      'Prod',
      'Development',
    ]);
  });

  it('refuses to delete a non-empty OU and deletes an empty one', async () => {
    const sb = sandbox();
    const ou = await sb.organizations.createOrganizationalUnit(ROOT, 'Workloads', {});
    const child = await sb.organizations.createOrganizationalUnit(ou.id, 'Prod', {});
    await expectAwsError(
      sb.organizations.deleteOrganizationalUnit(ou.id),
      'OrganizationalUnitNotEmptyException',
    );
    const acct = await createAccount(sb, 'app');
    await sb.organizations.moveAccount(acct, ROOT, child.id);
    await expectAwsError(
      sb.organizations.deleteOrganizationalUnit(child.id),
      'OrganizationalUnitNotEmptyException',
    );
    await sb.organizations.moveAccount(acct, child.id, ROOT);
    await sb.organizations.deleteOrganizationalUnit(child.id);
    await sb.organizations.deleteOrganizationalUnit(ou.id);
    expect(await sb.organizations.listOrganizationalUnitsForParent(ROOT)).toEqual([]);
    expect(
      (await sb.organizations.listTargetsForPolicy('p-FullAWSAccess')).map((t) => t.targetId),
    ).not.toContain(ou.id);
  });

  it('refuses more than 50 tags on a resource', async () => {
    const sb = sandbox();
    const tags = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    const ou = await sb.organizations.createOrganizationalUnit(ROOT, 'Tagged', tags);
    await expectAwsError(
      sb.organizations.tagResource(ou.id, { one: 'more' }),
      'ConstraintViolationException',
      'MAX_TAG_LIMIT_EXCEEDED',
    );
    await sb.organizations.untagResource(ou.id, ['k0']);
    await sb.organizations.tagResource(ou.id, { one: 'more' });
    expect(Object.keys(await sb.organizations.listTagsForResource(ou.id))).toHaveLength(50);
  });
});

describe('CreateAccount', () => {
  it('is IN_PROGRESS for a couple of polls, then SUCCEEDED with the account in the root and FullAWSAccess', async () => {
    const sb = sandbox();
    const started = await sb.organizations.createAccount({
      name: 'app',
      email: 'app@example.com',
      tags: { env: 'prod' },
    });
    expect(started.requestId).toMatch(/^car-[a-z0-9]{8,32}$/);
    expect(started.state).toBe('IN_PROGRESS');
    expect((await sb.organizations.describeCreateAccountStatus(started.requestId)).state).toBe('IN_PROGRESS');
    const done = await sb.organizations.describeCreateAccountStatus(started.requestId);
    expect(done.state).toBe('SUCCEEDED');
    expect(done.accountId).toMatch(/^\d{12}$/);
    expect((await sb.organizations.listParents(done.accountId!))[0]).toEqual({ id: ROOT, type: 'ROOT' });
    expect(await sb.organizations.listTagsForResource(done.accountId!)).toEqual({ env: 'prod' });
    expect((await sb.organizations.listPoliciesForTarget(done.accountId!, SCP)).map((p) => p.name)).toEqual([
      'FullAWSAccess',
    ]);
  });

  it('fails in the status with EMAIL_ALREADY_EXISTS for a used email (any case)', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    const started = await sb.organizations.createAccount({
      name: 'dup',
      email: 'AWS-Management@example.com',
      tags: {},
    });
    const status = await sb.organizations.describeCreateAccountStatus(started.requestId);
    expect(status).toMatchObject({ state: 'FAILED', failureReason: 'EMAIL_ALREADY_EXISTS' });
  });

  it('validates the account name and email formats', async () => {
    const sb = sandbox();
    await expectAwsError(
      sb.organizations.createAccount({ name: '', email: 'a@example.com', tags: {} }),
      'InvalidInputException',
    );
    await expectAwsError(
      sb.organizations.createAccount({ name: 'x'.repeat(51), email: 'a@example.com', tags: {} }),
      'InvalidInputException',
    );
    await expectAwsError(
      sb.organizations.createAccount({ name: 'ok', email: 'no-at-sign.example.com', tags: {} }),
      'InvalidInputException',
    );
    await expectAwsError(
      sb.organizations.createAccount({ name: 'ok', email: 'a@nodot', tags: {} }),
      'InvalidInputException',
    );
    expect(
      (await sb.organizations.createAccount({ name: 'ok', email: 'a@example.com', tags: {} })).state,
    ).toBe('IN_PROGRESS');
  });

  it('allows 5 requests in progress and refuses the sixth (ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED)', async () => {
    const sb = sandbox();
    const started = [];
    for (let i = 0; i < 5; i++)
      started.push(
        await sb.organizations.createAccount({ name: `a${i}`, email: `a${i}@example.com`, tags: {} }),
      );
    await expectAwsError(
      sb.organizations.createAccount({ name: 'a5', email: 'a5@example.com', tags: {} }),
      'ConstraintViolationException',
      'ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED',
    );
    await sb.organizations.describeCreateAccountStatus(started[0]!.requestId);
    await sb.organizations.describeCreateAccountStatus(started[0]!.requestId);
    expect(
      (await sb.organizations.createAccount({ name: 'a5', email: 'a5@example.com', tags: {} })).state,
    ).toBe('IN_PROGRESS');
  });

  it('fails with ACCOUNT_LIMIT_EXCEEDED beyond the account quota', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    for (let i = 1; i < LIMITS.organizations.defaultMaxAccounts; i++) await createAccount(sb, `a${i}`);
    const started = await sb.organizations.createAccount({
      name: 'over',
      email: 'over@example.com',
      tags: {},
    });
    expect(await sb.organizations.describeCreateAccountStatus(started.requestId)).toMatchObject({
      state: 'FAILED',
      failureReason: 'ACCOUNT_LIMIT_EXCEEDED',
    });
  });
});

describe('MoveAccount', () => {
  it('requires the current parent as source and a different destination', async () => {
    const sb = sandbox();
    const ou = await sb.organizations.createOrganizationalUnit(ROOT, 'Workloads', {});
    await expectAwsError(sb.organizations.moveAccount(MGMT, ou.id, ROOT), 'SourceParentNotFoundException');
    await expectAwsError(sb.organizations.moveAccount(MGMT, ROOT, ROOT), 'DuplicateAccountException');
    await expectAwsError(
      sb.organizations.moveAccount(MGMT, ROOT, 'ou-sbx0-zzzzzzzz'),
      'DestinationParentNotFoundException',
    );
    await sb.organizations.moveAccount(MGMT, ROOT, ou.id);
    expect(await sb.organizations.listAccountsForParent(ou.id)).toHaveLength(1);
  });
});

describe('CloseAccount', () => {
  it('goes PENDING_CLOSURE then SUSPENDED, refuses the management account and a second close', async () => {
    const sb = sandbox({ asyncPolls: 1, closeTicks: 2 });
    const id = await createAccount(sb, 'old');
    await expectAwsError(
      sb.organizations.closeAccount(MGMT),
      'ConstraintViolationException',
      'CANNOT_CLOSE_MANAGEMENT_ACCOUNT',
    );
    await sb.organizations.closeAccount(id);
    expect((await sb.organizations.listAccounts()).find((a) => a.id === id)?.state).toBe('PENDING_CLOSURE');
    await expectAwsError(sb.organizations.closeAccount(id), 'AccountAlreadyClosedException');
    expect((await sb.organizations.listAccounts()).find((a) => a.id === id)?.state).toBe('SUSPENDED');
  });

  it('allows 3 concurrent closures and refuses a fourth until one finishes', async () => {
    const sb = sandbox({ asyncPolls: 1, closeTicks: 10 });
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await createAccount(sb, `c${i}`));
    for (const id of ids.slice(0, 3)) await sb.organizations.closeAccount(id);
    await expectAwsError(
      sb.organizations.closeAccount(ids[3]!),
      'ConstraintViolationException',
      'CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED',
    );
    for (let i = 0; i < 10; i++) await sb.organizations.describeOrganization();
    await sb.organizations.closeAccount(ids[3]!);
  });

  it('enforces the rolling CloseAccount quota from the limits table', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    const id = await createAccount(sb, 'q');
    const state = sb.exportState();
    state.closedAccounts = LIMITS.organizations.closeAccountQuota(1);
    sb.importState(state);
    await expectAwsError(
      sb.organizations.closeAccount(id),
      'ConstraintViolationException',
      'CLOSE_ACCOUNT_QUOTA_EXCEEDED',
    );
  });
});

describe('trusted access and delegated administrators', () => {
  it('requires trusted access and a member account', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    const id = await createAccount(sb, 'security');
    await expectAwsError(
      sb.organizations.registerDelegatedAdministrator(id, 'guardduty.amazonaws.com'),
      'ConstraintViolationException',
      'SERVICE_ACCESS_NOT_ENABLED',
    );
    await expectAwsError(
      sb.organizations.registerDelegatedAdministrator(MGMT, 'sso.amazonaws.com'),
      'ConstraintViolationException',
      'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR',
    );
    await sb.organizations.enableAWSServiceAccess('guardduty.amazonaws.com');
    await sb.organizations.registerDelegatedAdministrator(id, 'guardduty.amazonaws.com');
    await expectAwsError(
      sb.organizations.registerDelegatedAdministrator(id, 'guardduty.amazonaws.com'),
      'AccountAlreadyRegisteredException',
    );
    expect(await sb.organizations.listDelegatedAdministrators()).toEqual([
      { id, email: 'security@example.com' },
    ]);
    expect(await sb.organizations.listDelegatedServicesForAccount(id)).toEqual(['guardduty.amazonaws.com']);
    await sb.organizations.deregisterDelegatedAdministrator(id, 'guardduty.amazonaws.com');
    await expectAwsError(
      sb.organizations.deregisterDelegatedAdministrator(id, 'guardduty.amazonaws.com'),
      'AccountNotRegisteredException',
    );
    await expectAwsError(
      sb.organizations.listDelegatedServicesForAccount(id),
      'AccountNotRegisteredException',
    );
  });
});

describe('RCP default', () => {
  it('attaches RCPFullAWSAccess to new targets once RCPs are enabled', async () => {
    const sb = sandbox();
    await sb.organizations.enablePolicyType(ROOT, RCP);
    const ou = await sb.organizations.createOrganizationalUnit(ROOT, 'Later', {});
    expect((await sb.organizations.listPoliciesForTarget(ou.id, RCP)).map((p) => p.name)).toEqual([
      'RCPFullAWSAccess',
    ]);
  });
});
