import {
  minifiedContent,
  type OrganizationPolicy,
  type PermissionSet,
  policyTypeLimits,
  SCP,
} from '@orgops/model';
import { describe, expect, it } from 'vitest';
import * as exported from './index.ts';

const values = Object.values(exported) as unknown[];
const policies = values.filter((v): v is OrganizationPolicy => (v as OrganizationPolicy)?.kind === 'policy');
const permissionSets = values.filter(
  (v): v is PermissionSet => (v as PermissionSet)?.kind === 'permission-set',
);

describe('@org/policies', () => {
  it('exports the policies and permission sets accounts/ attaches', () => {
    expect(policies.map((p) => p.name).sort()).toEqual(
      [
        'ai-services-opt-out',
        'confused-deputy-protection',
        'cost-allocation-tags',
        'deny-all',
        'deny-all-resource-access',
        'deny-iam-users-and-access-keys',
        'deny-leave-organization',
        'deny-root-user',
        'enforce-organization-identities',
        'enforce-secure-transport',
        'protect-log-archive',
        'protect-privileged-roles',
        'protect-s3-public-access-block',
        'protect-security-services',
        'region-allow-list',
        'require-imdsv2',
        'restrict-break-glass-assumption',
      ].sort(),
    );
    expect(permissionSets.map((p) => p.name).sort()).toEqual(
      ['Developer', 'FinOps', 'IncidentResponder', 'PlatformAdmin', 'ReadOnly', 'SecurityAudit'].sort(),
    );
  });

  it.each(policies.map((p) => [p.type, p.name, p] as const))('%s %s fits its size limit', (_t, _n, p) => {
    expect(minifiedContent(p.content).length).toBeLessThanOrEqual(policyTypeLimits(p.type).maxDocumentChars);
  });

  it('every exemptible SCP exempts break-glass', () => {
    const exemptible = policies.filter(
      (p) => p.type === SCP && !['deny-root-user', 'restrict-break-glass-assumption'].includes(p.name),
    );
    expect(exemptible.length).toBeGreaterThan(0);
    for (const p of exemptible) {
      const text = minifiedContent(p.content);
      for (const arn of exported.GUARDRAIL_EXEMPTIONS) expect(text, p.name).toContain(JSON.stringify(arn));
    }
  });

  it('exempts nothing but break-glass: the pipeline runs in the management account, where no SCP applies', () => {
    expect(exported.GUARDRAIL_EXEMPTIONS).toEqual([exported.BREAK_GLASS_ROLE]);
    for (const p of policies.filter((x) => x.type === SCP || x.type === 'RESOURCE_CONTROL_POLICY')) {
      expect(minifiedContent(p.content), p.name).not.toMatch(/orgops-(plan|apply)/);
    }
  });

  it('nobody in a member account may assume break-glass', () => {
    const text = minifiedContent(exported.breakGlassFromManagementOnly.content);
    expect(text).toContain(JSON.stringify(exported.BREAK_GLASS_ROLE));
    expect(text).not.toContain('ArnNotLike');
  });

  it('the region allow-list names exactly the allowed Regions', () => {
    const text = minifiedContent(exported.allowedRegions.content);
    expect(text).toContain(JSON.stringify({ 'aws:RequestedRegion': [...exported.ALLOWED_REGIONS].sort() }));
  });

  it('built sites point into this package, so errors name the file a newcomer edits', () => {
    for (const p of [...policies, ...permissionSets])
      expect(p.site?.file, p.name).toMatch(/[\\/]policies[\\/]src[\\/]/);
  });
});
