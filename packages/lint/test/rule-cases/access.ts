import { assign, type IdentityStatement, type PermissionSet, permissionSet, user } from '@orgops/model';
import { variantPair } from '@orgops/model/testing';
import { lintBaseline } from '../fixture.ts';
import type { LintCase } from './case.ts';

const inline = (statement: IdentityStatement) =>
  permissionSet({
    name: 'Ops',
    sessionDuration: 'PT1H',
    inlinePolicy: { Version: '2012-10-17', Statement: [statement] },
  });

/** `admin` instead of the baseline's Admin, assigned to Platform in Dev. */
const devAdmin = (b: ReturnType<typeof lintBaseline>, admin: PermissionSet) => ({
  permissionSets: [b.readOnly, admin],
  assignments: [b.readOnlyForDevelopers, assign(b.platform, admin, [b.dev])],
});

const iamAdmin = (sessionDuration: string) =>
  permissionSet({
    name: 'IamAdmin',
    sessionDuration,
    managedPolicies: ['arn:aws:iam::aws:policy/IAMFullAccess'],
  });

export const accessCases: LintCase[] = [
  {
    rule: 'inline-admin-wildcard',
    name: 'inline Allow * on *',
    ...variantPair(lintBaseline, {
      compliant: () => ({
        permissionSets: [inline({ Effect: 'Allow', Action: ['ec2:Describe*'], Resource: '*' })],
      }),
      nonCompliant: () => {
        const ps = inline({ Effect: 'Allow', Action: '*', Resource: '*' });
        return { overrides: { permissionSets: [ps] }, site: ps.site };
      },
    }),
    path: 'permissionSets[Ops].inlinePolicy.Statement[0]',
    fix: 'List the actions and resources the job needs',
    message: /allows every action on every resource/,
    subject: 'permission-set:Ops',
  },
  {
    rule: 'inline-admin-wildcard',
    name: 'inline Allow iam:* on *',
    ...variantPair(lintBaseline, {
      compliant: () => ({
        permissionSets: [inline({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' })],
      }),
      nonCompliant: () => ({
        overrides: {
          permissionSets: [inline({ Effect: 'Allow', Action: 'iam:*', Resource: '*' })],
        },
      }),
    }),
    path: 'permissionSets[Ops].inlinePolicy.Statement[0]',
    fix: 'List the actions',
    message: /all of IAM/,
  },
  {
    rule: 'inline-admin-wildcard',
    name: 'inline Allow NotAction on *',
    ...variantPair(lintBaseline, {
      compliant: () => ({
        permissionSets: [inline({ Effect: 'Deny', NotAction: 's3:GetObject', Resource: '*' })],
      }),
      nonCompliant: () => ({
        overrides: {
          permissionSets: [
            inline({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }),
          ],
        },
      }),
    }),
    path: 'permissionSets[Ops].inlinePolicy.Statement[0]',
    fix: 'List the actions',
    message: /every action except those listed in NotAction/,
  },
  {
    rule: 'long-admin-session',
    name: 'AdministratorAccess with 4-hour sessions',
    ...variantPair(lintBaseline, {
      nonCompliant: (b) => {
        const admin = permissionSet({
          name: 'Admin',
          sessionDuration: 'PT4H',
          managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
        });
        return { overrides: devAdmin(b, admin), site: admin.site };
      },
    }),
    path: 'permissionSets[Admin].sessionDuration',
    fix: "Set sessionDuration: 'PT1H' on Admin",
    value: 'PT4H',
    subject: 'permission-set:Admin',
  },
  {
    rule: 'long-admin-session',
    name: 'IAMFullAccess (admin-equivalent: it can grant itself the rest) with 2-hour sessions',
    ...variantPair(lintBaseline, {
      compliant: (b) => devAdmin(b, iamAdmin('PT1H')),
      nonCompliant: (b) => {
        const iam = iamAdmin('PT2H');
        return { overrides: devAdmin(b, iam), site: iam.site };
      },
    }),
    path: 'permissionSets[IamAdmin].sessionDuration',
    fix: "Set sessionDuration: 'PT1H' on IamAdmin",
    value: 'PT2H',
    subject: 'permission-set:IamAdmin',
  },
  {
    rule: 'assignment-to-user',
    name: 'permission set assigned directly to a user',
    ...variantPair(lintBaseline, {
      nonCompliant: (b) => {
        const a = assign(user('alice'), b.readOnly, [b.dev]);
        return { overrides: { assignments: [...(b.options.assignments ?? []), a] }, site: a.site };
      },
    }),
    path: 'assignments[alice:ReadOnly].principal',
    fix: 'Assign it to a group instead',
    value: 'alice',
    subject: 'assignment:USER:alice:ReadOnly',
  },
  {
    rule: 'admin-in-sensitive-account',
    name: 'admin in a production account',
    ...variantPair(lintBaseline, {
      nonCompliant: (b) => {
        const a = assign(b.platform, b.admin, [b.workloads]);
        return { overrides: { assignments: [b.readOnlyForDevelopers, a] }, site: a.site };
      },
    }),
    path: 'assignments[Platform:Admin]',
    fix: 'Exclude these accounts',
    message: /group Platform holds admin-equivalent Admin in production \(payments-prod\) accounts/,
    value: ['payments-prod'],
    subject: 'assignment:GROUP:Platform:Admin',
  },
  {
    rule: 'admin-in-sensitive-account',
    name: 'inline wildcard admin in the security and management accounts',
    ...variantPair(lintBaseline, {
      nonCompliant: (b) => {
        const ops = inline({ Effect: 'Allow', Action: '*', Resource: '*' });
        return {
          overrides: {
            permissionSets: [b.readOnly, b.admin, ops],
            assignments: [
              ...(b.options.assignments ?? []),
              assign(b.platform, ops, [b.security, b.management]),
            ],
          },
        };
      },
    }),
    path: 'assignments[Platform:Ops]',
    fix: 'Exclude these accounts',
    message: /in management \(management\); security \(log-archive\) accounts/,
    alsoReports: ['inline-admin-wildcard'],
  },
];
