import {
  type DesiredAttachment,
  isAccountTarget,
  LIMITS,
  normalize,
  policyTypeLimits,
  RCP,
  SCP,
  validateConfig,
} from '@orgops/model';
import { describe, expect, it } from 'vitest';
import org from './index.ts';

const desired = normalize(org);
const securityTooling = org.accounts.find((a) => a.name === 'security-tooling')!;
const management = org.accounts.find((a) => a.management)!;

/** Direct attachments per target and type, the unit AWS counts its per-target limits in. */
function attachmentCounts(attachments: readonly DesiredAttachment[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const a of attachments) {
    const byType = counts.get(a.target) ?? new Map<string, number>();
    byType.set(a.policyType, (byType.get(a.policyType) ?? 0) + 1);
    counts.set(a.target, byType);
  }
  return counts;
}

const policiesAt = (target: string, type = SCP) =>
  desired.attachments.filter((a) => a.target === target && a.policyType === type).map((a) => a.policyName);

describe('validation', () => {
  it('passes every model rule with no errors and no warnings', () => {
    const result = validateConfig(org, { file: 'accounts/src/index.ts' });
    const codes = (ds: readonly { code: string; path: string }[]) => ds.map((d) => `${d.code} ${d.path}`);
    expect(result.ok ? [] : codes(result.errors)).toEqual([]);
    expect(codes(result.warnings)).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('organization layout', () => {
  it('has the Well-Architected OU tree', () => {
    expect(desired.ous.map((o) => o.path).sort()).toEqual(
      [
        '/Infrastructure',
        '/Sandbox',
        '/Security',
        '/Suspended',
        '/Workloads',
        '/Workloads/NonProd',
        '/Workloads/Prod',
      ].sort(),
    );
    for (const ou of desired.ous) {
      expect(ou.path.split('/').length - 1).toBeLessThanOrEqual(LIMITS.organizations.maxOuDepth);
    }
  });

  it('puts every workload account under Workloads, production apart from the rest', () => {
    const workloadEnvs = new Set(['prod', 'staging', 'dev']);
    const workloadAccounts = desired.accounts.filter((a) => workloadEnvs.has(a.tags.environment ?? ''));
    expect(workloadAccounts.map((a) => a.name).sort()).toEqual(
      ['data-dev', 'data-prod', 'payments-prod', 'payments-staging'].sort(),
    );
    for (const a of workloadAccounts) {
      expect(a.parentPath, a.name).toBe(
        a.tags.environment === 'prod' ? '/Workloads/Prod' : '/Workloads/NonProd',
      );
    }
    // And nothing else lives there.
    for (const a of desired.accounts.filter((x) => x.parentPath.startsWith('/Workloads'))) {
      expect(workloadEnvs.has(a.tags.environment ?? ''), a.name).toBe(true);
    }
  });

  it('keeps log-archive and security-tooling in Security, and the management account at the root', () => {
    const parent = (name: string) => desired.accounts.find((a) => a.name === name)?.parentPath;
    expect(parent('log-archive')).toBe('/Security');
    expect(parent('security-tooling')).toBe('/Security');
    expect(parent('management')).toBe('/');
    expect(management.email).toBe('aws-management@example.com');
  });

  it('tags every account with environment, owner and cost-center', () => {
    for (const a of desired.accounts) {
      expect(Object.keys(a.tags).sort(), a.name).toEqual(['cost-center', 'environment', 'owner']);
    }
  });
});

describe('guardrails', () => {
  it('quarantines Suspended with deny-all and keeps an Allow there for break-glass', () => {
    expect(policiesAt('/Suspended')).toEqual(expect.arrayContaining(['deny-all', 'FullAWSAccess']));
    expect(policiesAt('/Suspended', RCP)).toEqual(['deny-all-resource-access']);
    const denyAll = desired.policies.find((p) => p.type === SCP && p.name === 'deny-all')!;
    const doc = JSON.parse(denyAll.content) as { Statement: { Effect: string; Action: string[] }[] };
    expect(doc.Statement.some((s) => s.Effect === 'Deny' && s.Action.includes('*'))).toBe(true);
  });

  it('attaches the organization-wide guardrails at the root', () => {
    expect(policiesAt('/')).toEqual(
      expect.arrayContaining([
        'deny-root-user',
        'protect-security-services',
        'deny-leave-organization',
        'deny-iam-users-and-access-keys',
        'protect-s3-public-access-block',
        'protect-privileged-roles',
        'restrict-break-glass-assumption',
      ]),
    );
    expect(policiesAt('/', RCP).length).toBeGreaterThan(0);
  });

  it('restricts Regions and requires IMDSv2 for workloads and the sandbox', () => {
    expect(policiesAt('/Workloads')).toEqual(expect.arrayContaining(['region-allow-list', 'require-imdsv2']));
    expect(policiesAt('/Sandbox')).toEqual(expect.arrayContaining(['region-allow-list', 'require-imdsv2']));
  });

  it('keeps the log archive write-once, in the log-archive account only', () => {
    const logArchive = desired.accounts.find((a) => a.name === 'log-archive')!;
    expect(policiesAt(`account:${logArchive.email}`)).toEqual(['FullAWSAccess', 'protect-log-archive']);
    const elsewhere = desired.attachments.filter((a) => a.policyName === 'protect-log-archive');
    expect(elsewhere.map((a) => a.target)).toEqual([`account:${logArchive.email}`]);
  });

  it('gives every root, OU and account an explicit Allow (FullAWSAccess), or nothing would work', () => {
    const targets = [
      '/',
      ...desired.ous.map((o) => o.path),
      ...desired.accounts.map((a) => `account:${a.email}`),
    ];
    for (const t of targets) expect(policiesAt(t), t).toContain('FullAWSAccess');
  });

  it('keeps every target within the per-target limits (RCPFullAWSAccess takes one RCP slot)', () => {
    for (const [target, byType] of attachmentCounts(desired.attachments)) {
      for (const [type, count] of byType) {
        const limits = policyTypeLimits(type);
        const used = type === RCP ? count + 1 : count;
        expect(used, `${target} ${type}`).toBeLessThanOrEqual(limits.maxPerTarget);
      }
      expect(byType.get(SCP) ?? 0, `${target} SCPs`).toBeGreaterThanOrEqual(
        policyTypeLimits(SCP).minPerTarget,
      );
    }
  });

  it('keeps every policy document within its size limit', () => {
    for (const p of desired.policies) {
      expect(p.content.length, `${p.type} ${p.name}`).toBeLessThanOrEqual(
        policyTypeLimits(p.type).maxDocumentChars,
      );
    }
  });

  it('enables every policy type it attaches', () => {
    const used = new Set(desired.attachments.map((a) => a.policyType));
    for (const type of used) expect(desired.policyTypes, type).toContain(type);
  });

  it('exempts break-glass wherever a guardrail could lock it out, and never the pipeline roles', () => {
    const attachedScps = new Set(
      desired.attachments.filter((a) => a.policyType === SCP).map((a) => a.policyName),
    );
    // Root-user denial targets root, not roles; the break-glass assumption rule exempts nobody.
    const exemptible = desired.policies.filter(
      (p) =>
        p.type === SCP &&
        attachedScps.has(p.name) &&
        !['FullAWSAccess', 'deny-root-user', 'restrict-break-glass-assumption'].includes(p.name),
    );
    expect(exemptible.map((p) => p.name)).toEqual(
      expect.arrayContaining(['region-allow-list', 'require-imdsv2', 'deny-all', 'protect-log-archive']),
    );
    for (const p of exemptible) expect(p.content, p.name).toContain('arn:aws:iam::*:role/break-glass');
    // The pipeline works from the management account, which no SCP or RCP binds (aws-facts §5):
    // exempting its role names in member accounts would only exempt look-alikes there.
    for (const p of desired.policies) expect(p.content, p.name).not.toMatch(/orgops-(plan|apply)/);
  });

  it('tags accounts only with environments the tag policy allows', () => {
    const tagPolicy = desired.policies.find((p) => p.type === 'TAG_POLICY')!;
    const allowed = (
      JSON.parse(tagPolicy.content) as { tags: { environment: { tag_value: { '@@assign': string[] } } } }
    ).tags.environment.tag_value['@@assign'];
    for (const a of desired.accounts) expect(allowed, a.name).toContain(a.tags.environment);
  });
});

describe('services', () => {
  it('delegates the security services to security-tooling', () => {
    for (const principal of [
      'guardduty.amazonaws.com',
      'securityhub.amazonaws.com',
      'access-analyzer.amazonaws.com',
    ]) {
      const service = desired.trustedServices.find((s) => s.principal === principal);
      expect(service?.delegatedAdministrator, principal).toBe(securityTooling.email);
    }
  });

  it('trusts Identity Center, CloudTrail and Config', () => {
    const principals = desired.trustedServices.map((s) => s.principal);
    expect(principals).toEqual(
      expect.arrayContaining(['sso.amazonaws.com', 'cloudtrail.amazonaws.com', 'config.amazonaws.com']),
    );
  });

  it('leaves Control Tower resources alone', () => {
    expect(desired.ignore.policies).toContain('aws-guardrails-*');
    expect(desired.ignore.permissionSets).toContain('AWSControlTower*');
  });
});

describe('access', () => {
  it('assigns to groups only, never to users', () => {
    expect(desired.assignments.length).toBeGreaterThan(0);
    for (const a of desired.assignments)
      expect(a.principal.type, `${a.principal.name} ${a.permissionSet}`).toBe('GROUP');
  });

  it('uses exactly the identity-store groups the directory has', () => {
    expect([...new Set(desired.assignments.map((a) => a.principal.name))].sort()).toEqual(
      [
        'developers',
        'finops',
        'incident-responders',
        'platform-admins',
        'read-only',
        'security-auditors',
      ].sort(),
    );
  });

  it('gives developers write access outside production only', () => {
    const dev = desired.assignments.filter((a) => a.principal.name === 'developers');
    const targetsOf = (ps: string) => dev.filter((a) => a.permissionSet === ps).flatMap((a) => a.targets);
    expect(targetsOf('Developer')).toEqual([
      { kind: 'ou', path: '/Workloads/NonProd' },
      { kind: 'ou', path: '/Sandbox' },
    ]);
    expect(targetsOf('ReadOnly')).toEqual([{ kind: 'ou', path: '/Workloads/Prod' }]);
  });

  it('keeps administrator access out of the management account, which no SCP binds', () => {
    const admin = desired.assignments.find((a) => a.permissionSet === 'PlatformAdmin');
    expect(admin?.exclude).toContain(management.email);
  });

  it('gives finops billing in the management account and nowhere else', () => {
    const billing = desired.assignments.filter((a) => a.permissionSet === 'FinOps');
    expect(billing.flatMap((a) => a.targets)).toEqual([{ kind: 'account', email: management.email }]);
  });

  it('assigns only permission sets it declares, and targets only accounts it declares', () => {
    const names = new Set(desired.permissionSets.map((p) => p.name));
    const emails = new Set(desired.accounts.map((a) => a.email));
    for (const a of desired.assignments) {
      expect(names.has(a.permissionSet), a.permissionSet).toBe(true);
      for (const t of a.targets) if (t.kind === 'account') expect(emails.has(t.email)).toBe(true);
      for (const e of a.exclude) expect(emails.has(e)).toBe(true);
    }
    expect(
      desired.attachments
        .filter((a) => isAccountTarget(a.target))
        .every((a) => emails.has(a.target.slice(8))),
    ).toBe(true);
  });
});
