import { LIMITS, minifiedContent, policyTypeLimits, RCP, SCP, sessionSeconds } from '@orgops/model';
import { policyStatements as statements } from '@orgops/simulate';
import { describe, expect, it } from 'vitest';
import { protectSecurityServices, regionAllowList } from '../src/index.ts';
import { allPermissionSets, allRcps, allScps, EXEMPT } from './fixtures.ts';

describe('document size limits', () => {
  it.each([...allScps(), ...allRcps()].map((p) => [p.type, p.name, p] as const))(
    '%s %s fits the limits table',
    (_type, _name, policy) => {
      const size = minifiedContent(policy.content).length;
      expect(size).toBeGreaterThan(0);
      expect(size).toBeLessThanOrEqual(policyTypeLimits(policy.type).maxDocumentChars);
    },
  );

  it('the combined security-services SCP leaves room for a long exemption list', () => {
    const many = Array.from({ length: 20 }, (_, i) => `arn:aws:iam::*:role/platform/automation-role-${i}`);
    const policy = protectSecurityServices({ exemptPrincipalArns: many });
    expect(minifiedContent(policy.content).length).toBeLessThanOrEqual(
      policyTypeLimits(SCP).maxDocumentChars,
    );
  });

  it('the region allow-list fits with every commercial Region listed', () => {
    const regions = [
      'us-east-1',
      'us-east-2',
      'us-west-1',
      'us-west-2',
      'eu-west-1',
      'eu-west-2',
      'eu-west-3',
    ];
    const policy = regionAllowList(regions, { exemptPrincipalArns: EXEMPT });
    expect(minifiedContent(policy.content).length).toBeLessThanOrEqual(
      policyTypeLimits(SCP).maxDocumentChars,
    );
  });
});

describe('policy grammar', () => {
  it('names are valid policy names', () => {
    for (const p of [...allScps(), ...allRcps()]) {
      expect(p.name.length).toBeLessThanOrEqual(LIMITS.organizations.maxPolicyNameLength);
      expect(p.name).toMatch(/^[a-z0-9-]+$/);
      expect((p.description ?? '').length).toBeLessThanOrEqual(
        LIMITS.organizations.maxPolicyDescriptionLength,
      );
    }
  });

  it('SCPs are typed as SCPs and carry no Principal', () => {
    for (const p of allScps()) {
      expect(p.type).toBe(SCP);
      for (const s of statements(p.content)) {
        expect(s.Principal).toBeUndefined();
        expect(s.NotPrincipal).toBeUndefined();
      }
    }
  });

  it('RCPs are deny-only, with Principal "*", and no NotAction or NotPrincipal', () => {
    for (const p of allRcps()) {
      expect(p.type).toBe(RCP);
      for (const s of statements(p.content)) {
        expect(s.Effect).toBe('Deny');
        expect(s.Principal).toBe('*');
        expect(s.NotAction).toBeUndefined();
        expect(s.NotPrincipal).toBeUndefined();
      }
    }
  });

  it('every statement has a unique Sid within its document', () => {
    for (const p of [...allScps(), ...allRcps()]) {
      const sids = statements(p.content).map((s) => s.Sid);
      expect(sids.every((s) => typeof s === 'string' && /^[A-Za-z0-9]+$/.test(s))).toBe(true);
      expect(new Set(sids).size).toBe(sids.length);
    }
  });
});

describe('permission-set limits', () => {
  it.each(allPermissionSets().map((ps) => [ps.name, ps] as const))(
    '%s fits Identity Center limits',
    (_name, ps) => {
      const ic = LIMITS.identityCenter;
      expect(ps.name.length).toBeLessThanOrEqual(ic.permissionSetNameMaxLength);
      expect(ps.name).toMatch(ic.permissionSetNamePattern);
      expect((ps.description ?? '').length).toBeLessThanOrEqual(ic.permissionSetDescriptionMaxLength);
      // IAM's default per-role quota, not the higher Identity Center one: it holds in every account.
      expect((ps.managedPolicies ?? []).length).toBeLessThanOrEqual(ic.iamDefaultManagedPoliciesPerRole);
      const seconds = sessionSeconds(ps.sessionDuration ?? 'PT1H');
      expect(seconds).toBeGreaterThanOrEqual(ic.minSessionHours * 3600);
      expect(seconds).toBeLessThanOrEqual(ic.maxSessionHours * 3600);
      if (ps.inlinePolicy) {
        const text = minifiedContent(ps.inlinePolicy);
        expect(text.length).toBeLessThanOrEqual(ic.inlinePolicyMaxNonWhitespaceBytes);
      }
    },
  );

  it('every managed policy is an AWS-managed ARN', () => {
    for (const ps of allPermissionSets()) {
      for (const arn of ps.managedPolicies ?? [])
        expect(arn).toMatch(/^arn:aws:iam::aws:policy\/[\w/+=,.@-]+$/);
    }
  });
});
