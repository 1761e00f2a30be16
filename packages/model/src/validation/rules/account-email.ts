import { LIMITS } from '../../limits.ts';
import { LIMITS_NOTE, quoted } from '../messages.ts';
import { accountPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

const { emailMinLength, emailMaxLength, emailPattern } = LIMITS.account;

export const accountEmail = defineRule(
  {
    code: 'account-email',
    severity: 'error',
    description: `Root user emails are ${emailMinLength}–${emailMaxLength} characters in the format CreateAccount accepts.`,
  },
  ({ collected }) =>
    collected.accounts.flatMap((a) => {
      const { email } = a;
      const problem =
        email.length < emailMinLength || email.length > emailMaxLength
          ? `is ${email.length} characters; AWS allows ${emailMinLength}–${emailMaxLength} ${LIMITS_NOTE}`
          : emailPattern.test(email)
            ? undefined
            : 'is not an address AWS accepts (printable 7-bit ASCII, one "@", no spaces or "\'()<>[]:;,\\|%& in the local part, a dotted domain of letters, digits, "-" and ".")';
      if (!problem) return [];
      return [
        {
          message: `Account ${quoted(a.name)} email ${quoted(email)} ${problem}.`,
          path: `${accountPath(a)}.email`,
          site: a.site,
          value: email,
          fix: `Use a plain address of at most ${emailMaxLength} characters, e.g. "aws+${a.name.replace(/[^a-zA-Z0-9-]/g, '').slice(0, 20) || 'account'}@example.com" (plus-addressing keeps one mailbox for every account).`,
        },
      ];
    }),
);
