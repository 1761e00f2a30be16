import { account, type Tags } from '../../src/index.ts';
import { addingTo } from '../../src/testing/index.ts';
import { baseline } from '../fixture.ts';
import type { RuleCase } from './case.ts';

const tagged = (tags: Tags) =>
  addingTo(baseline, 'accounts').variant((b) =>
    account({ name: 'tagged', email: 'aws+tagged@example.com', parent: b.root, tags }),
  );
const many = (n: number): Tags =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`key-${i}`, `v${i}`]));

export const tagCases: RuleCase[] = [
  {
    code: 'tag-count',
    name: '51 tags on an account',
    compliant: () => tagged(many(50)).config,
    nonCompliant: () => tagged(many(51)),
    path: 'accounts[tagged].tags',
    fix: 'Keep at most 50 tags',
    message: /has 51 tags; AWS allows at most 50 per resource \(AWS limit, orgops limits table 2026-05-15\)/,
    value: 51,
  },
  {
    code: 'tag-key',
    name: 'key with a comma',
    compliant: () => tagged({ 'Kostenstelle é:/=+-@_. 1': 'x' }).config,
    nonCompliant: () => tagged({ 'cost,center': 'x' }),
    path: 'accounts[tagged].tags["cost,center"]',
    fix: 'e.g. "cost-center"',
    value: 'cost,center',
  },
  {
    code: 'tag-key',
    name: 'key longer than 128 characters',
    compliant: () => tagged({ ['k'.repeat(128)]: 'x' }).config,
    nonCompliant: () => tagged({ ['k'.repeat(129)]: 'x' }),
    path: `accounts[tagged].tags.${'k'.repeat(129)}`,
    fix: 'Rename the tag key to 1–128 characters',
    message: /is 129 characters; AWS allows 1–128/,
  },
  {
    code: 'tag-value',
    name: 'value longer than 256 characters',
    compliant: () => tagged({ owner: 'o'.repeat(256) }).config,
    nonCompliant: () => tagged({ owner: 'o'.repeat(257) }),
    path: 'accounts[tagged].tags.owner',
    fix: 'Use a value of at most 256 characters',
    message: /is 257 characters; AWS allows at most 256/,
  },
  {
    code: 'tag-value',
    name: 'value with an exclamation mark',
    compliant: () => tagged({ owner: '' }).config,
    nonCompliant: () => tagged({ owner: 'team!' }),
    path: 'accounts[tagged].tags.owner',
    fix: 'e.g. "team-"',
    value: 'team!',
  },
];
