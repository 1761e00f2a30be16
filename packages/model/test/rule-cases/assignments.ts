import { accountsTagged, assign } from '../../src/index.ts';
import { baseline } from '../fixture.ts';
import type { RuleCase } from './case.ts';

export const assignmentCases: RuleCase[] = [
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
