import { type ChangeKind, KIND_PHASES } from '@orgops/engine';
import { describe, expect, it } from 'vitest';
import { EXECUTORS } from './execute-change.ts';
import { IDENTITY_CENTER_EXECUTORS } from './execute-identity-center.ts';
import { ORGANIZATIONS_EXECUTORS } from './execute-organization.ts';
import type { Executors } from './executor.ts';

describe('the applier has an executor for every change kind', () => {
  it('covers every kind, each exactly once', () => {
    expect(Object.keys(EXECUTORS).sort()).toEqual(Object.keys(KIND_PHASES).sort());
    const both = Object.keys(ORGANIZATIONS_EXECUTORS).filter((k) => k in IDENTITY_CENTER_EXECUTORS);
    expect(both).toEqual([]);
  });

  it('does not compile with a kind left out', () => {
    // `tsc` fails on an unused @ts-expect-error: these prove a missing executor is a compile error.
    // @ts-expect-error the Identity Center kinds are missing.
    const organizationsOnly: Executors<ChangeKind> = ORGANIZATIONS_EXECUTORS;
    const { assignment: _assignment, ...withoutAssignments } = EXECUTORS;
    // @ts-expect-error Property 'assignment' is missing.
    const incomplete: Executors<ChangeKind> = withoutAssignments;
    expect(Object.keys(organizationsOnly)).not.toContain('assignment');
    expect(Object.keys(incomplete)).not.toContain('assignment');
  });
});
