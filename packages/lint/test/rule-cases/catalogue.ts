import { permissionSet, protectedRole, resourceControlPolicy, serviceControlPolicy } from '@orgops/model';
import { variantPair } from '@orgops/model/testing';
import { BREAK_GLASS, denyWithExemption, lintBaseline } from '../fixture.ts';
import type { LintCase } from './case.ts';

const scp = (action: string | readonly string[]) =>
  serviceControlPolicy({ name: 'deny-security-changes', content: denyWithExemption(action) });

export const catalogueCases: LintCase[] = [
  {
    rule: 'unknown-service',
    name: 'misspelt service prefix in a guardrail Deny',
    ...variantPair(lintBaseline, {
      compliant: () => ({ policies: [scp('cloudtrail:StopLogging')] }),
      nonCompliant: () => {
        const p = scp('cloudtrial:StopLogging');
        return { overrides: { policies: [p] }, site: p.site };
      },
    }),
    path: 'policies[deny-security-changes].content.Statement[0].Action',
    fix: 'Did you mean "cloudtrail:StopLogging"? Check the service prefix "cloudtrial"',
    message: /denies nothing there: that part of the guardrail is silently off/,
    value: 'cloudtrial:StopLogging',
    subject: 'policy:SERVICE_CONTROL_POLICY/deny-security-changes',
  },
  {
    rule: 'unknown-action',
    name: 'misspelt action in a guardrail Deny',
    ...variantPair(lintBaseline, {
      compliant: () => ({ policies: [scp(['cloudtrail:StopLogging', 'guardduty:Delete*'])] }),
      nonCompliant: () => ({
        overrides: { policies: [scp(['cloudtrail:StopLogging', 'cloudtrail:StopLoging'])] },
      }),
    }),
    path: 'policies[deny-security-changes].content.Statement[0].Action[1]',
    fix: 'Did you mean "cloudtrail:StopLogging"? Check the spelling against the Service Authorization Reference for "cloudtrail"',
    message: /"cloudtrail:StopLoging" is not an action of its service/,
    value: 'cloudtrail:StopLoging',
  },
  {
    rule: 'unknown-action',
    name: 'wildcard that matches no action',
    ...variantPair(lintBaseline, {
      compliant: () => ({ policies: [scp('guardduty:Delete*')] }),
      nonCompliant: () => ({ overrides: { policies: [scp('guardduty:Frobnicate*')] } }),
    }),
    path: 'policies[deny-security-changes].content.Statement[0].Action',
    fix: 'Check the spelling',
    message: /the pattern "guardduty:Frobnicate\*" matches no action of its service/,
  },
  {
    rule: 'unknown-action',
    name: 'misspelt action in an inline policy NotAction',
    ...variantPair(lintBaseline, {
      compliant: () => ({
        permissionSets: [
          permissionSet({
            name: 'Viewer',
            inlinePolicy: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Deny', NotAction: ['s3:GetObject'], Resource: '*' }],
            },
          }),
        ],
      }),
      nonCompliant: () => ({
        overrides: {
          permissionSets: [
            permissionSet({
              name: 'Viewer',
              inlinePolicy: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Deny', NotAction: ['s3:GetObjekt'], Resource: '*' }],
              },
            }),
          ],
        },
      }),
    }),
    path: 'permissionSets[Viewer].inlinePolicy.Statement[0].NotAction[0]',
    fix: 'Check the spelling',
    message: /this exception exempts nothing/,
    subject: 'permission-set:Viewer',
  },
  {
    rule: 'unknown-action',
    name: 'misspelt action a protected role must keep',
    ...variantPair(lintBaseline, {
      nonCompliant: () => {
        const role = protectedRole('break-glass', {
          in: 'member-accounts',
          mustAllow: ['organizations:LeaveOrganization', 'iam:CreateUsr'],
        });
        return { overrides: { protectedRoles: [role] }, site: role.site };
      },
    }),
    path: 'protectedRoles[break-glass].mustAllow[1]',
    fix: 'Check the spelling',
    message: /the lock-out check cannot simulate it/,
    subject: 'protected-role:break-glass',
  },
  {
    rule: 'unknown-condition-key',
    name: 'misspelt key in an exemption',
    ...variantPair(lintBaseline, {
      compliant: () => ({ policies: [scp('cloudtrail:StopLogging')] }),
      nonCompliant: () => ({
        overrides: {
          policies: [
            serviceControlPolicy({
              name: 'deny-security-changes',
              content: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Deny',
                    Action: 'cloudtrail:StopLogging',
                    Resource: '*',
                    Condition: { ArnNotLike: { 'aws:PrincipleArn': BREAK_GLASS } },
                  },
                ],
              },
            }),
          ],
        },
      }),
    }),
    path: 'policies[deny-security-changes].content.Statement[0].Condition.ArnNotLike["aws:PrincipleArn"]',
    fix: 'Check the key against the IAM global condition keys',
    value: 'aws:PrincipleArn',
  },
  {
    rule: 'rcp-unsupported-service',
    name: 'an RCP on EC2',
    ...variantPair(lintBaseline, {
      nonCompliant: () => ({
        overrides: {
          policies: [
            resourceControlPolicy({
              name: 'deny-ec2-outsiders',
              content: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Deny',
                    Principal: '*',
                    Action: ['s3:GetObject', 'ec2:RunInstances'],
                    Resource: '*',
                    Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abcdefghij' } },
                  },
                ],
              },
            }),
          ],
        },
      }),
    }),
    path: 'policies[deny-ec2-outsiders].content.Statement[0].Action[1]',
    fix: 'Protect ec2 with an SCP instead',
    value: 'ec2:RunInstances',
  },
];
