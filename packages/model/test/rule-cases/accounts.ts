import { account, managementAccount } from '../../src/index.ts';
import { addingTo } from '../../src/testing/index.ts';
import { baseline } from '../fixture.ts';
import type { RuleCase } from './case.ts';

const accounts = addingTo(baseline, 'accounts');
const withAccount = accounts.config;
const extra = (overrides: Partial<Parameters<typeof account>[0]> = {}) =>
  account({ name: 'extra', email: 'aws+extra@example.com', parent: baseline().root, ...overrides });
const nonCompliantAccount = (overrides: Partial<Parameters<typeof account>[0]>) =>
  accounts.variant(extra(overrides));

export const accountCases: RuleCase[] = [
  {
    code: 'account-name',
    name: 'name longer than 50 characters',
    compliant: () => withAccount(extra({ name: 'a'.repeat(50) })),
    nonCompliant: () => nonCompliantAccount({ name: 'a'.repeat(51) }),
    path: `accounts[${'a'.repeat(51)}].name`,
    fix: 'printable ASCII',
    message: /51 characters; AWS allows 1–50 \(AWS limit, orgops limits table 2026-05-15\)/,
    value: 'a'.repeat(51),
  },
  {
    code: 'account-name',
    name: 'name with non-ASCII characters',
    compliant: () => withAccount(extra({ name: 'payments (prod) #2' })),
    nonCompliant: () => nonCompliantAccount({ name: 'zahlungen-prüfung' }),
    path: 'accounts[zahlungen-prüfung].name',
    fix: 'e.g. "zahlungen-prfung"',
    message: /outside printable ASCII/,
  },
  {
    code: 'account-email',
    name: 'email without a domain',
    compliant: () => withAccount(extra({ email: `${'a'.repeat(52)}@example.com` })),
    nonCompliant: () => nonCompliantAccount({ email: 'aws-extra' }),
    path: 'accounts[extra].email',
    fix: 'aws+extra@example.com',
    value: 'aws-extra',
  },
  {
    code: 'account-email',
    name: 'email longer than 64 characters',
    compliant: () => withAccount(extra({ email: 'a@ex.co' })),
    nonCompliant: () => nonCompliantAccount({ email: `${'a'.repeat(53)}@example.com` }),
    path: 'accounts[extra].email',
    fix: 'at most 64 characters',
    message: /is 65 characters; AWS allows 6–64/,
  },
  {
    code: 'account-id',
    name: 'id that is not 12 digits',
    compliant: () => withAccount(extra({ id: '000000000123' })),
    nonCompliant: () => nonCompliantAccount({ id: '12345' }),
    path: 'accounts[extra].id',
    fix: '12 digits',
    value: '12345',
  },
  {
    code: 'account-duplicate-email',
    name: 'email already used (different case)',
    compliant: () => withAccount(extra({ email: 'aws+log-archive-2@example.com' })),
    nonCompliant: () => nonCompliantAccount({ email: 'AWS+Log-Archive@example.com' }),
    path: 'accounts[extra].email',
    fix: 'its own root email',
    message: /account "log-archive" .*already uses it/,
  },
  {
    code: 'account-duplicate-email',
    name: 'same account object listed twice',
    compliant: () => baseline().with({}),
    nonCompliant: () => {
      const b = baseline();
      return { config: b.with({ accounts: [...b.options.accounts, b.payments] }), site: b.payments.site };
    },
    path: 'accounts[payments-prod].email',
    fix: 'List each account once',
  },
  {
    code: 'account-duplicate-name',
    name: 'two accounts named log-archive',
    compliant: () => withAccount(extra({ name: 'log-archive-2' })),
    nonCompliant: () => nonCompliantAccount({ name: 'log-archive' }),
    path: 'accounts[log-archive].name',
    fix: 'Rename one of them',
    message: /aws\+log-archive@example.com .*and aws\+extra@example.com/,
  },
  {
    code: 'account-duplicate-id',
    name: 'id already used by another account',
    compliant: () => withAccount(extra({ id: '333333333333' })),
    nonCompliant: () => nonCompliantAccount({ id: '222222222222' }),
    path: 'accounts[extra].id',
    fix: 'list-accounts',
    value: '222222222222',
  },
  {
    code: 'account-multiple-management',
    name: 'a second management account',
    compliant: () => withAccount(extra()),
    nonCompliant: () => {
      const m = managementAccount({ name: 'extra', email: 'aws+extra@example.com', parent: baseline().root });
      return { config: withAccount(m), site: m.site };
    },
    path: 'accounts[extra].management',
    fix: 'instead of managementAccount(...)',
  },
  {
    code: 'account-management-closure',
    name: 'management account marked for closure',
    compliant: () => withAccount(extra({ close: { reason: 'project ended' } })),
    nonCompliant: () => {
      const b = baseline();
      const closing = { ...b.management, close: { reason: 'cost' } };
      return { config: b.with({ accounts: [closing, b.logArchive, b.payments] }), site: closing.site };
    },
    path: 'accounts[management].close',
    fix: 'Remove `close` from the management account',
  },
];
