import { adminGrant } from '../admin.ts';
import { iamDocuments } from '../documents.ts';
import { type Draft, defineLintRule } from '../rule.ts';

export const inlineAdminWildcard = defineLintRule(
  {
    id: 'inline-admin-wildcard',
    severity: 'error',
    title: 'Inline policy grants admin by wildcard',
    description:
      "A permission set's inline policy does not Allow `*`, `NotAction` or `iam:*` on every resource (administrator hidden behind an innocent name).",
  },
  (ctx) =>
    iamDocuments(ctx)
      .filter((doc) => doc.kind === 'inline')
      .flatMap((doc) =>
        doc.statements.flatMap((statement, i): Draft[] => {
          const grant = adminGrant(statement);
          if (!grant) return [];
          return [
            {
              message: `${doc.subject.label}: its inline policy allows ${grant}. Whoever holds it is an administrator, whatever the permission set is called, and the review shows it only as "inline policy".`,
              fix: 'List the actions and resources the job needs; grant administrator only through a permission set named for it (AdministratorAccess, 1-hour sessions).',
              path: `${doc.path}.Statement[${i}]`,
              subject: doc.subject,
              site: doc.site,
              value: statement.Action ?? statement.NotAction,
            },
          ];
        }),
      ),
);
