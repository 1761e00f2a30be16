import { describe, expect, it } from 'vitest';
import { accountTree, coverAccounts } from './group-assignments.ts';

// root ── a1
//  ├── Workloads ── Prod (p1, p2) ── Dev (d1)
//  └── Empty
const tree = accountTree(
  'r',
  [
    { id: 'workloads', parentId: 'r' },
    { id: 'prod', parentId: 'workloads' },
    { id: 'dev', parentId: 'workloads' },
    { id: 'empty', parentId: 'r' },
  ],
  [
    { id: 'a1', parentId: 'r' },
    { id: 'p1', parentId: 'prod' },
    { id: 'p2', parentId: 'prod' },
    { id: 'd1', parentId: 'dev' },
  ],
  new Map(
    ['r', 'workloads', 'prod', 'dev', 'empty', 'a1', 'p1', 'p2', 'd1'].map((id) => [
      id,
      id === 'r' ? 'root' : id,
    ]),
  ),
);

describe('coverAccounts', () => {
  it('uses the root when every account is covered', () => {
    expect(coverAccounts(tree, new Set(['a1', 'p1', 'p2', 'd1']))).toEqual(['root']);
  });

  it('uses the highest OU whose whole subtree is covered', () => {
    expect(coverAccounts(tree, new Set(['p1', 'p2', 'd1']))).toEqual(['workloads']);
    expect(coverAccounts(tree, new Set(['a1', 'p1', 'p2']))).toEqual(['a1', 'prod']);
  });

  it('lists accounts when no subtree is complete, and never uses an empty OU', () => {
    expect(coverAccounts(tree, new Set(['p1', 'd1']))).toEqual(['p1', 'dev']);
    expect(coverAccounts(tree, new Set(['p1']))).toEqual(['p1']);
    expect(coverAccounts(tree, new Set())).toEqual([]);
  });
});
