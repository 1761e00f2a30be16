import { describe, expect, it } from 'vitest';
import type { AccountInfo } from '../src/ports.ts';
import { findAccount } from '../src/quarantine/read-quarantine.ts';

const account = (id: string, name: string, email: string): AccountInfo => ({
  id,
  name,
  email,
  state: 'ACTIVE',
});
const accounts = [
  account('111111111111', 'payments-prod', 'aws+payments-prod@example.com'),
  account('222222222222', 'data-prod', 'aws+data-prod@example.com'),
  account('333333333333', 'sandbox', 'alice@example.com'),
  account('444444444444', 'sandbox', 'bob@example.com'),
  // A name that is another account's id must not shadow that account.
  account('555555555555', '111111111111', 'odd@example.com'),
];

describe('findAccount: the account orgops quarantine acts on', () => {
  it('finds an account by id, by root email in any case, and by name', () => {
    expect(findAccount(accounts, '222222222222').name).toBe('data-prod');
    expect(findAccount(accounts, 'AWS+Data-Prod@Example.com').id).toBe('222222222222');
    expect(findAccount(accounts, ' payments-prod ').id).toBe('111111111111');
    expect(findAccount(accounts, '111111111111').name).toBe('payments-prod');
  });

  it('refuses a name two accounts share, naming both so the caller can choose', () => {
    expect(() => findAccount(accounts, 'sandbox')).toThrow(
      expect.objectContaining({
        code: 'quarantine-account-ambiguous',
        message:
          '2 accounts are named "sandbox" (333333333333 alice@example.com, 444444444444 bob@example.com). Name the account by its id or root email.',
      }),
    );
  });

  it('says which account a misspelt or partial name may mean', () => {
    expect(() => findAccount(accounts, 'paymnts-prod')).toThrow(
      expect.objectContaining({
        code: 'quarantine-account-not-found',
        message:
          'No account in the organization has the id, root email or name "paymnts-prod". Similar names: payments-prod (111111111111).',
      }),
    );
    expect(() => findAccount(accounts, 'prod')).toThrow(
      /Similar names: payments-prod \(111111111111\), data-prod \(222222222222\)\.$/,
    );
    expect(() => findAccount(accounts, 'zzz')).toThrow(
      /^No account in the organization has the id, root email or name "zzz"\.$/,
    );
  });
});
