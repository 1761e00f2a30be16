import { LIMITS } from '../../limits.ts';
import { describeCharacters, LIMITS_NOTE, quoted } from '../messages.ts';
import { accountPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

const { nameMaxLength, namePattern } = LIMITS.account;

export const accountName = defineRule(
  {
    code: 'account-name',
    severity: 'error',
    description: `Account names are 1–${nameMaxLength} printable ASCII characters (CreateAccount rejects others).`,
  },
  ({ collected }) =>
    collected.accounts.flatMap((a) => {
      const problem =
        a.name.length === 0 || a.name.length > nameMaxLength
          ? `is ${a.name.length} characters; AWS allows 1–${nameMaxLength} ${LIMITS_NOTE}`
          : namePattern.test(a.name)
            ? undefined
            : `contains ${describeCharacters([...a.name].filter((ch) => !/[\u0020-\u007E]/.test(ch)))}, outside printable ASCII (U+0020–U+007E)`;
      if (!problem) return [];
      return [
        {
          message: `Account name ${quoted(a.name)} ${problem}.`,
          path: `${accountPath(a)}.name`,
          site: a.site,
          value: a.name,
          fix: `Use a name of 1–${nameMaxLength} printable ASCII characters, e.g. "${a.name.replace(/[^\u0020-\u007E]/g, '').slice(0, nameMaxLength) || 'workloads-prod'}".`,
        },
      ];
    }),
);
