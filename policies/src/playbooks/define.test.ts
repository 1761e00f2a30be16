import { OrgopsError } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { BREAK_GLASS_ROLE } from '../exemptions.ts';
import { incidentResponder } from '../permission-sets.ts';
import { definePlaybook, playbooks } from './index.ts';
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
