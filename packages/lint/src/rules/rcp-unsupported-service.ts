import { inert } from '@orgops/model';
import { actionProblems, rcpServices } from '@orgops/simulate';
import { actionEntries, iamDocuments } from '../documents.ts';
import { type Draft, defineLintRule } from '../rule.ts';

export const rcpUnsupportedService = defineLintRule(
  {
    id: 'rcp-unsupported-service',
    severity: 'warning',
    title: 'RCP names a service RCPs do not cover',
    description:
      "An RCP's actions belong to services that support resource control policies (s3, sts, kms, sqs, secretsmanager, …).",
  },
  async (ctx) => {
    const supported = new Set(await rcpServices());
    const out: Draft[] = [];
    for (const doc of iamDocuments(ctx)) {
      if (doc.kind !== 'rcp') continue;
      for (const [i, statement] of doc.statements.entries()) {
        const entries = actionEntries(statement, `${doc.path}.Statement[${i}]`);
        // A service that does not exist at all is unknown-service's finding.
        const unknown = new Set(
          (await actionProblems(entries.map((e) => e.action)))
            .filter((p) => p.problem === 'service')
            .map((p) => p.action),
        );
        for (const e of entries) {
          if (e.action === '*' || unknown.has(e.action)) continue;
          const service = (e.action.split(':')[0] ?? '').toLowerCase();
          if (supported.has(service)) continue;
          out.push({
            message: `${doc.subject.label}: RCPs do not apply to ${JSON.stringify(inert(service))}, so ${JSON.stringify(inert(e.action))} protects nothing here.`,
            fix: `Protect ${inert(service)} with an SCP instead, or remove the action; RCPs cover: ${[...supported].join(', ')}.`,
            path: e.path,
            subject: doc.subject,
            site: doc.site,
            value: e.action,
          });
        }
      }
    }
    return out;
  },
);
