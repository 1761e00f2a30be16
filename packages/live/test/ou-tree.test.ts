import { describe, expect, it } from 'vitest';
import { OuTree } from '../src/applier/ou-tree.ts';

const ous = [
  { id: 'ou-a', name: 'A', parentId: 'r-1', tags: {} },
  { id: 'ou-c', name: 'C', parentId: 'ou-a', tags: {} },
  { id: 'ou-x', name: 'A/C', parentId: 'r-1', tags: {} },
];

describe('OuTree', () => {
  it('resolves paths as planned and as they are after renames in one apply', () => {
    const tree = new OuTree('r-1', ous);
    expect(tree.idAt('/A/C')).toBe('ou-c');
    expect(tree.idAt('/A\\/C')).toBe('ou-x');
    tree.rename(tree.idAsPlanned('/A'), 'B');
    // The child is still found by the path it had when the plan was made, and by its new one.
    tree.rename(tree.idAsPlanned('/A/C'), 'D');
    expect(tree.idAt('/B/D')).toBe('ou-c');
    expect(() => tree.idAt('/A/C')).toThrow(/No OU at \/A\/C/);
    tree.add('ou-e', 'E', tree.idAt('/B/D'));
    expect(tree.idAt('/B/D/E')).toBe('ou-e');
    tree.remove('ou-x');
    expect(() => tree.idAt('/A\\/C')).toThrow(/ou|OU/);
    expect(tree.idAt('/')).toBe('r-1');
  });
});
