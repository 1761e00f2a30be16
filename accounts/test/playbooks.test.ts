import { incidentResponder, type PlaybookStep, playbooks } from '@org/policies';
import { permissionSet, type SimulationRequest, type SimulationResult } from '@orgops/simulate';
import { describe, expect, it } from 'vitest';
import { breakGlass, desired, example } from './example.ts';

// The playbooks' checks, on the example organization's effective chains: for every account a
// playbook applies to, each responder step must be allowed to the IncidentResponder permission set
// as assigned there (its real managed and inline policies, every SCP on the path), and each
// escalation step must be beyond it and within break-glass's reach.

const sim = example();
const REGION = 'eu-west-1';

const within = (path: string, ou: string) => ou === '/' || path === ou || path.startsWith(`${ou}/`);

/** Accounts a playbook applies to, where IncidentResponder is assigned. */
function accountsFor(appliesTo: readonly string[]): string[] {
  return desired.accounts.filter((a) => appliesTo.some((ou) => within(a.parentPath, ou))).map((a) => a.name);
}

function requests(step: PlaybookStep, principal: SimulationRequest['principal']): SimulationRequest[] {
  const resources = step.resources ?? [undefined];
  return step.actions.flatMap((action) =>
    resources.map((resource) => ({
      principal,
      action,
      region: REGION,
      ...(resource ? { resource } : {}),
      ...(step.context ? { context: step.context } : {}),
    })),
  );
}

const describeFailure = (r: SimulationRequest, result: SimulationResult) =>
  `${r.action} on ${result.resource}: ${result.decision} ${result.decidedBy
    .filter((d) => result.decision === 'Allowed' || d.policyType !== 'scp' || !d.implicit)
    .map((d) => `${d.policyType}:${d.policy ?? d.level ?? ''}${d.sid ? `/${d.sid}` : ''}`)
    .join(' ')}`;

const steps = (kind: PlaybookStep['kind']) =>
  playbooks.flatMap((p) =>
    p.steps.filter((s) => s.kind === kind).map((s) => [`${p.id} / ${s.id}`, p, s] as const),
  );

describe('every playbook runs as the IncidentResponder permission set', () => {
  it.each(playbooks.map((p) => [p.id, p] as const))('%s', (_id, playbook) => {
    expect(playbook.runAs).toBe(incidentResponder);
    expect(desired.permissionSets.map((p) => p.name)).toContain(incidentResponder.name);
  });

  it.each(playbooks.map((p) => [p.id, p] as const))(
    '%s applies only where the responder is assigned',
    (_id, playbook) => {
      const ouPaths = new Set(['/', ...desired.ous.map((o) => o.path)]);
      const assignedAt = desired.assignments
        .filter((a) => a.permissionSet === incidentResponder.name)
        .flatMap((a) => a.targets.flatMap((t) => (t.kind === 'ou' ? [t.path] : [])));
      for (const path of playbook.appliesTo) {
        expect(ouPaths.has(path), `${path} is not an OU of accounts/`).toBe(true);
        expect(
          assignedAt.some((a) => within(path, a)),
          `IncidentResponder is not assigned at or above ${path}`,
        ).toBe(true);
      }
    },
  );
});

describe('IncidentResponder can do every responder step, in every account the playbook applies to', () => {
  it.each(steps('respond'))('%s', async (_name, playbook, step) => {
    const blocked: string[] = [];
    for (const account of accountsFor(playbook.appliesTo)) {
      for (const r of requests(step, permissionSet(incidentResponder.name, account))) {
        const result = await sim.simulate(r);
        if (result.decision !== 'Allowed') blocked.push(`${account}: ${describeFailure(r, result)}`);
      }
    }
    expect(blocked).toEqual([]);
  });
});

describe('escalation steps are exactly what the responder cannot do', () => {
  const PROD = 'payments-prod';

  it.each(steps('escalate'))('%s: the responder cannot, break-glass can', async (_name, _playbook, step) => {
    for (const r of requests(step, permissionSet(incidentResponder.name, PROD))) {
      expect((await sim.simulate(r)).decision, r.action).not.toBe('Allowed');
    }
    for (const r of requests(step, breakGlass(PROD))) {
      const result = await sim.simulate(r);
      expect(result.decision, describeFailure(r, result)).toBe('Allowed');
    }
  });

  it.each(steps('escalate').filter(([, , s]) => s.kind === 'escalate' && s.because === 'permission-gap'))(
    '%s: a permission gap is the permission set, not a guardrail',
    async (_name, _playbook, step) => {
      for (const r of requests(step, permissionSet(incidentResponder.name, PROD))) {
        expect((await sim.simulate(r)).decision, r.action).toBe('ImplicitlyDenied');
      }
    },
  );

  it('records every step a guardrail blocks as by-design, naming the guardrail in its reason', async () => {
    const blockedByGuardrail: [string, PlaybookStep][] = [];
    for (const [name, , step] of steps('escalate')) {
      for (const r of requests(step, permissionSet(incidentResponder.name, PROD))) {
        const result = await sim.simulate(r);
        if (result.decidedBy.some((d) => d.policyType === 'scp' && !d.implicit)) {
          blockedByGuardrail.push([name, step]);
          break;
        }
      }
    }
    expect(blockedByGuardrail.map(([name]) => name).sort()).toEqual(
      [
        'public-s3-bucket / restore-account-block-public-access',
        'security-service-tampering / contain-exempt-actor',
        'security-service-tampering / restore-configuration',
      ].sort(),
    );
    for (const [name, step] of blockedByGuardrail) {
      if (step.kind !== 'escalate') throw new Error('unreachable');
      expect(step.because, name).toBe('by-design');
      expect(step.reason, name).toMatch(/protect-[a-z0-9-]+/);
    }
  });
});

describe('quarantine steps run with the management account, not as the responder', () => {
  const orgopsSteps = playbooks.flatMap((p) =>
    p.steps.filter((s) => s.kind === 'orgops').map((s) => [`${p.id} / ${s.id}`, s] as const),
  );

  it('are in the playbooks that contain a whole account', () => {
    expect(orgopsSteps.map(([name]) => name)).toEqual([
      'compromised-iam-credentials / quarantine-account',
      'root-user-activity / quarantine-account',
    ]);
  });

  it.each(orgopsSteps)(
    '%s: the responder cannot move accounts, in any member account',
    async (_name, step) => {
      for (const r of requests(step, permissionSet(incidentResponder.name, 'payments-prod'))) {
        if (r.action.startsWith('organizations:Move') || r.action.startsWith('organizations:Attach')) {
          expect((await sim.simulate(r)).decision, r.action).not.toBe('Allowed');
        }
      }
    },
  );

  it('contain into the OU the config names as quarantine, whose guardrails are the ones the quarantine table proves', () => {
    expect(desired.quarantine?.path).toBe('/Suspended');
    expect(desired.quarantine?.guardrails.map((g) => g.name)).toEqual([
      'deny-all',
      'deny-all-resource-access',
    ]);
  });
});

describe('the checks can fail', () => {
  it('a step outside the permission set is refused', async () => {
    const r = await sim.simulate({
      principal: permissionSet(incidentResponder.name, 'payments-prod'),
      action: 'iam:PutRolePolicy',
      region: REGION,
    });
    expect(r.decision).not.toBe('Allowed');
  });

  it('a step a guardrail denies is refused, and the guardrail is named', async () => {
    const r = await sim.simulate({
      principal: permissionSet(incidentResponder.name, 'payments-prod'),
      action: 'ec2:StopInstances',
      region: 'ap-south-1',
    });
    expect(r.decidedBy).toContainEqual(expect.objectContaining({ policy: 'region-allow-list' }));
  });
});
