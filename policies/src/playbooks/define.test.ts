import { OrgopsError } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { BREAK_GLASS_ROLE } from '../exemptions.ts';
import { incidentResponder } from '../permission-sets.ts';
import { definePlaybook, playbooks, QUARANTINE_ACTIONS, quarantineStep } from './index.ts';
import type { Playbook } from './types.ts';

const valid: Omit<Playbook, 'kind'> = {
  id: 'example',
  title: 'Example',
  severity: 'HIGH',
  trigger: {
    guardDutyFindingTypes: ['Policy:S3/BucketPublicAccessGranted'],
    securityHubControls: [],
    cloudTrailEvents: [],
  },
  runAs: incidentResponder,
  appliesTo: ['/'],
  steps: [
    { kind: 'respond', id: 'look', title: 'Look', why: 'To see.', actions: ['guardduty:GetFindings'] },
    {
      kind: 'escalate',
      id: 'fix',
      title: 'Fix',
      why: 'To fix.',
      actions: ['s3:PutBucketPolicy'],
      escalateTo: BREAK_GLASS_ROLE,
      because: 'by-design',
      reason: 'A policy is a grant.',
    },
  ],
};

function problem(p: Omit<Playbook, 'kind'>): string {
  try {
    definePlaybook(p);
  } catch (err) {
    expect(err).toBeInstanceOf(OrgopsError);
    expect((err as OrgopsError).code).toBe('playbook-invalid');
    return (err as Error).message;
  }
  throw new Error('definePlaybook accepted an invalid playbook');
}

describe('definePlaybook', () => {
  it('returns the playbook with its kind', () => {
    expect(definePlaybook(valid)).toEqual({ kind: 'playbook', ...valid });
  });

  it('rejects a playbook without an escalation step', () => {
    expect(problem({ ...valid, steps: valid.steps.slice(0, 1) })).toMatch(/needs an escalation step/);
  });

  it('rejects a playbook without a trigger', () => {
    const trigger = { guardDutyFindingTypes: [], securityHubControls: [], cloudTrailEvents: [] };
    expect(problem({ ...valid, trigger })).toMatch(/at least one trigger/);
  });

  it('rejects wildcard and malformed actions, naming the step', () => {
    const [look, fix] = valid.steps as [Playbook['steps'][number], Playbook['steps'][number]];
    expect(problem({ ...valid, steps: [{ ...look, actions: ['iam:*'] }, fix] })).toBe(
      'playbook "example": step look: "iam:*" is not service:Action',
    );
    expect(problem({ ...valid, steps: [{ ...look, actions: [] }, fix] })).toMatch(
      /step look names no IAM action/,
    );
  });

  it('rejects duplicate step ids, non-kebab ids and non-OU paths', () => {
    const [look, fix] = valid.steps as [Playbook['steps'][number], Playbook['steps'][number]];
    expect(problem({ ...valid, steps: [look, { ...fix, id: 'look' }] })).toMatch(/"look" is used twice/);
    expect(problem({ ...valid, id: 'Example' })).toMatch(/kebab-case/);
    expect(problem({ ...valid, appliesTo: ['Workloads'] })).toMatch(/not an OU path/);
  });
});

describe('quarantine steps', () => {
  const quarantine = quarantineStep({
    id: 'quarantine-account',
    title: 'Quarantine the account',
    why: 'Contain.',
  });
  const [look, fix] = valid.steps as [Playbook['steps'][number], Playbook['steps'][number]];

  it("accepts one, run by orgops with the management account's roles", () => {
    const p = definePlaybook({ ...valid, steps: [look, quarantine, fix] });
    expect(p.steps[1]).toMatchObject({ kind: 'orgops', command: 'quarantine', actions: QUARANTINE_ACTIONS });
    expect(quarantine.runWith).toEqual(['arn:aws:iam::*:role/orgops-apply', BREAK_GLASS_ROLE]);
  });

  it('rejects two, a command orgops does not have, and no one to run it', () => {
    expect(problem({ ...valid, steps: [look, quarantine, { ...quarantine, id: 'again' }, fix] })).toMatch(
      /quarantines an account in more than one step/,
    );
    const unknown = { ...quarantine, command: 'nuke' as 'quarantine' };
    expect(problem({ ...valid, steps: [look, unknown, fix] })).toBe(
      'playbook "example": step quarantine-account: orgops has no command "nuke"',
    );
    expect(problem({ ...valid, steps: [look, { ...quarantine, runWith: [] }, fix] })).toMatch(
      /names no role to run orgops quarantine with/,
    );
  });

  it('are where a playbook contains a whole account, followed by the steps the command prints', () => {
    const withQuarantine = playbooks.filter((p) => p.steps.some((s) => s.kind === 'orgops')).map((p) => p.id);
    expect(withQuarantine).toEqual(['compromised-iam-credentials', 'root-user-activity']);
    for (const p of playbooks) {
      const at = p.steps.findIndex((s) => s.kind === 'orgops');
      if (at >= 0) expect(p.steps.length).toBeGreaterThan(at + 1);
    }
  });
});

describe('playbooks', () => {
  it('covers the five incidents, each once', () => {
    expect(playbooks.map((p) => p.id)).toEqual([
      'compromised-iam-credentials',
      'public-s3-bucket',
      'root-user-activity',
      'guardduty-ec2-compromise',
      'security-service-tampering',
    ]);
  });

  it('escalates to break-glass', () => {
    for (const step of playbooks.flatMap((p) => p.steps)) {
      if (step.kind === 'escalate') expect(step.escalateTo).toBe(BREAK_GLASS_ROLE);
    }
  });
});
