import { type IdentityPolicyDocument, normalize, SCP } from '@orgops/model';
import { describe, expect, it } from 'vitest';
// Test-only reach into the organization and the guardrails' evaluator: accounts/ decides where the
// SCPs are attached (policies/ cannot know), and the evaluator is the one the guardrails are
// tested with. Neither import exists outside tests, so the package graph stays one-way.
import org from '../../../accounts/src/index.ts';
import { deniedBy, type Request } from '../../../packages/guardrails/test/evaluate.ts';
import { statements } from '../../../packages/guardrails/test/iam-catalogue.ts';
import { BREAK_GLASS_ROLE } from '../exemptions.ts';
import { incidentResponder } from '../permission-sets.ts';
import { playbooks } from './index.ts';
import { MANAGED_POLICY_GRANTS } from './managed-policy-grants.ts';
import type { PlaybookStep } from './types.ts';

const RESPONDER =
  'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_IncidentResponder_0123456789abcdef';
const BREAK_GLASS = BREAK_GLASS_ROLE.replace('*', '111122223333');
// Workloads carry the Region allow-list; an allowed Region keeps it out of the way.
const REGION = 'eu-west-1';

const desired = normalize(org);
const prodAccount = desired.accounts.find((a) => a.parentPath === '/Workloads/Prod');
if (!prodAccount) throw new Error('accounts/ has no account in /Workloads/Prod');

/** Root, each OU down to Workloads/Prod, then the account: every level an SCP must allow at. */
const PROD_LEVELS = ['/', '/Workloads', '/Workloads/Prod', `account:${prodAccount.email}`];

function scpsAt(target: string): { name: string; content: unknown }[] {
  return desired.attachments
    .filter((a) => a.target === target && a.policyType === SCP)
    .map((a) => {
      const policy = desired.policies.find((p) => p.type === SCP && p.name === a.policyName);
      if (!policy) throw new Error(`SCP ${a.policyName} attached at ${target} is not defined`);
      return { name: policy.name, content: JSON.parse(policy.content) as unknown };
    });
}

const prodScps = PROD_LEVELS.map((level) => ({ level, scps: scpsAt(level) }));

/** Allow statements rewritten as Deny so the Deny evaluator answers "does this Allow apply?". */
function allowsAsDenies(content: unknown): unknown {
  return {
    Statement: statements(content)
      .filter((s) => s.Effect === 'Allow')
      .map((s, i) => ({ ...s, Effect: 'Deny', Sid: s.Sid ?? `allow-${i}` })),
  };
}

function requests(step: PlaybookStep, principalArn: string): Request[] {
  return step.actions.map((action) => ({
    action,
    principalArn,
    ...(step.resource ? { resource: step.resource } : {}),
    context: { 'aws:RequestedRegion': REGION, ...step.context },
  }));
}

const like = (pattern: string, value: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(value);

/** Where the permission set's grant of the request comes from, or undefined when it has none. */
function grantOf(request: Request): string | undefined {
  const inline = incidentResponder.inlinePolicy as IdentityPolicyDocument;
  if (deniedBy(inline, request).length > 0) return undefined;
  const sids = deniedBy(allowsAsDenies(inline), request);
  if (sids.length > 0) return `inline ${sids.join(',')}`;
  const managed = MANAGED_POLICY_GRANTS.find(
    (g) =>
      incidentResponder.managedPolicies?.includes(g.policyArn) &&
      g.patterns.some((p) => like(p, request.action)),
  );
  return managed && `${managed.policyArn} ${managed.version}`;
}

/** `SCP name (level)` for every guardrail that denies the request in a Workloads/Prod account. */
function scpDenials(request: Request): string[] {
  return prodScps.flatMap(({ level, scps }) =>
    scps.flatMap((scp) => deniedBy(scp.content, request).map((sid) => `${scp.name}/${sid} at ${level}`)),
  );
}

/** Levels of the Prod path with no SCP Allow for the request: SCPs need an Allow at every level. */
function levelsWithoutAllow(request: Request): string[] {
  return prodScps
    .filter(({ scps }) => !scps.some((scp) => deniedBy(allowsAsDenies(scp.content), request).length > 0))
    .map(({ level }) => level);
}

const canRespond = (r: Request) =>
  grantOf(r) !== undefined && scpDenials(r).length === 0 && levelsWithoutAllow(r).length === 0;

const stepsOf = (kind: PlaybookStep['kind']) =>
  playbooks.flatMap((p) =>
    p.steps.filter((s) => s.kind === kind).map((s) => [`${p.id} / ${s.id}`, s] as const),
  );

describe('the example organization the tests run against', () => {
  it('attaches guardrail SCPs on the way to a Workloads/Prod account', () => {
    const names = prodScps.flatMap(({ scps }) => scps.map((s) => s.name));
    for (const name of ['protect-security-services', 'protect-privileged-roles', 'region-allow-list']) {
      expect(names).toContain(name);
    }
  });

  it('lets the evaluator catch a blocked request (so the tests below can fail)', () => {
    const stop: Request = { action: 'cloudtrail:StopLogging', principalArn: RESPONDER };
    expect(scpDenials(stop)).not.toEqual([]);
    expect(grantOf({ action: 'iam:PutRolePolicy', principalArn: RESPONDER })).toBeUndefined();
    expect(
      grantOf({
        action: 'iam:AttachRolePolicy',
        principalArn: RESPONDER,
        context: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AdministratorAccess' },
      }),
    ).toBeUndefined();
    const outside = {
      action: 'ec2:StopInstances',
      principalArn: RESPONDER,
      context: { 'aws:RequestedRegion': 'ap-south-1' },
    };
    expect(scpDenials(outside)).not.toEqual([]);
  });
});

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
        const covered = assignedAt.some((a) => a === '/' || path === a || path.startsWith(`${a}/`));
        expect(covered, `IncidentResponder is not assigned at or above ${path}`).toBe(true);
      }
    },
  );
});

describe('the permission set allows every responder step', () => {
  it.each(stepsOf('respond'))('%s', (_name, step) => {
    const missing = requests(step, RESPONDER)
      .filter((r) => grantOf(r) === undefined)
      .map((r) => r.action);
    expect(missing).toEqual([]);
  });

  it('only claims managed-policy patterns that look like reads', () => {
    for (const grant of MANAGED_POLICY_GRANTS) {
      for (const pattern of grant.patterns) {
        expect(pattern, grant.policyArn).toMatch(
          /^[a-z0-9-]+:(Get|List|Describe|LookupEvents$|GenerateCredentialReport$)/,
        );
      }
    }
  });
});

describe('no guardrail SCP blocks a responder step in a Workloads/Prod account', () => {
  it.each(stepsOf('respond'))('%s', (_name, step) => {
    const blocked = requests(step, RESPONDER).flatMap((r) =>
      [...scpDenials(r), ...levelsWithoutAllow(r).map((l) => `no Allow at ${l}`)].map(
        (why) => `${r.action}: ${why}`,
      ),
    );
    expect(blocked).toEqual([]);
  });
});

describe('escalation steps are exactly what the responder cannot do', () => {
  it.each(stepsOf('escalate'))('%s: the responder cannot, break-glass can', (_name, step) => {
    if (step.kind !== 'escalate') throw new Error('unreachable');
    for (const r of requests(step, RESPONDER)) expect(canRespond(r), r.action).toBe(false);
    for (const r of requests(step, BREAK_GLASS)) expect(scpDenials(r), r.action).toEqual([]);
  });

  it.each(stepsOf('escalate').filter(([, s]) => s.kind === 'escalate' && s.because === 'permission-gap'))(
    '%s: a permission gap is the permission set, not a guardrail',
    (_name, step) => {
      for (const r of requests(step, RESPONDER)) {
        expect(grantOf(r), r.action).toBeUndefined();
        expect(scpDenials(r), r.action).toEqual([]);
      }
    },
  );

  it('records every step blocked by a guardrail today as by-design, with the guardrail in its reason', () => {
    const guardrailBlocked = stepsOf('escalate').filter(([, s]) =>
      requests(s, RESPONDER).some((r) => scpDenials(r).length > 0),
    );
    expect(guardrailBlocked.map(([name]) => name).sort()).toEqual(
      [
        'public-s3-bucket / restore-account-block-public-access',
        'security-service-tampering / contain-exempt-actor',
        'security-service-tampering / restore-configuration',
      ].sort(),
    );
    for (const [name, step] of guardrailBlocked) {
      if (step.kind !== 'escalate') throw new Error('unreachable');
      expect(step.because, name).toBe('by-design');
      expect(step.reason, name).toMatch(/protect-[a-z0-9-]+/);
    }
  });
});
