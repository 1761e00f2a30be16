import { accountsTagged, assign, group, user } from '../../src/index.ts';
import { baseline } from '../fixture.ts';
import type { RuleCase } from './case.ts';

export const assignmentCases: RuleCase[] = [
  {
    code: 'assignment-to-user',
    name: 'permission set assigned directly to a user',
    compliant: () => {
      const b = baseline();
      return b.with({ assignments: [assign(group('Auditors'), b.readOnly, [b.workloads])] });
    },
    nonCompliant: () => {
      const b = baseline();
      const a = assign(user('alice'), b.readOnly, [b.workloads]);
      return { config: b.with({ assignments: [a] }), site: a.site };
    },
    path: 'assignments[alice:ReadOnly].principal',
    fix: 'Assign it to a group instead',
    value: 'alice',
  },
  {
    code: 'assignment-tag-matches-nothing',
    name: 'tag value misspelt',
    compliant: () => {
      const b = baseline();
      return b.with({ assignments: [assign(b.developers, b.readOnly, [accountsTagged('team')])] });
    },
    nonCompliant: () => {
      const b = baseline();
      const a = assign(b.developers, b.readOnly, [b.prod, accountsTagged('team', 'paymnts')]);
      return { config: b.with({ assignments: [a] }), site: a.site };
    },
    path: 'assignments[Developers:ReadOnly].targets[1]',
    fix: 'Check the spelling of the tag key and value',
    message: /values in use for "team": "payments"/,
    value: 'tag:team=paymnts',
  },
];
