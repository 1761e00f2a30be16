import { assign, type IdentityStatement, permissionSet, user } from '@orgops/model';
import { lintBaseline } from '../fixture.ts';
import type { LintCase } from './case.ts';

const inline = (statement: IdentityStatement) =>
  permissionSet({
    name: 'Ops',
    sessionDuration: 'PT1H',
    inlinePolicy: { Version: '2012-10-17', Statement: [statement] },
  });

export const accessCases: LintCase[] = [
  {
    rule: 'inline-admin-wildcard',
    name: 'inline Allow * on *',
    compliant: () =>
      lintBaseline().with({
        permissionSets: [inline({ Effect: 'Allow', Action: ['ec2:Describe*'], Resource: '*' })],
      }),
    nonCompliant: () => {
      const ps = inline({ Effect: 'Allow', Action: '*', Resource: '*' });
      return { config: lintBaseline().with({ permissionSets: [ps] }), site: ps.site };
    },
    path: 'permissionSets[Ops].inlinePolicy.Statement[0]',
    fix: 'List the actions and resources the job needs',
    message: /allows every action on every resource/,
    subject: 'permission-set:Ops',
  },
  {
    rule: 'inline-admin-wildcard',
    name: 'inline Allow iam:* on *',
    compliant: () =>
      lintBaseline().with({
        permissionSets: [inline({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' })],
      }),
    nonCompliant: () => ({
      config: lintBaseline().with({
        permissionSets: [inline({ Effect: 'Allow', Action: 'iam:*', Resource: '*' })],
      }),
    }),
    path: 'permissionSets[Ops].inlinePolicy.Statement[0]',
    fix: 'List the actions',
    message: /all of IAM/,
  },
  {
    rule: 'inline-admin-wildcard',
    name: 'inline Allow NotAction on *',
    compliant: () =>
      lintBaseline().with({
        permissionSets: [inline({ Effect: 'Deny', NotAction: 's3:GetObject', Resource: '*' })],
      }),
    nonCompliant: () => ({
      config: lintBaseline().with({
        permissionSets: [inline({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' })],
      }),
    }),
    path: 'permissionSets[Ops].inlinePolicy.Statement[0]',
    fix: 'List the actions',
    message: /every action except those listed in NotAction/,
  },
  {
    rule: 'long-admin-session',
    name: 'AdministratorAccess with 4-hour sessions',
    compliant: () => lintBaseline().with({}),
    nonCompliant: () => {
      const b = lintBaseline();
      const admin = permissionSet({
        name: 'Admin',
        sessionDuration: 'PT4H',
        managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      });
      return {
        config: b.with({
          permissionSets: [b.readOnly, admin],
          assignments: [b.readOnlyForDevelopers, assign(b.platform, admin, [b.dev])],
        }),
        site: admin.site,
      };
    },
    path: 'permissionSets[Admin].sessionDuration',
    fix: "Set sessionDuration: 'PT1H' on Admin",
    value: 'PT4H',
    subject: 'permission-set:Admin',
  },
  {
    rule: 'long-admin-session',
    name: 'IAMFullAccess (admin-equivalent: it can grant itself the rest) with 2-hour sessions',
    compliant: () => {
      const b = lintBaseline();
      const iam = permissionSet({
        name: 'IamAdmin',
        sessionDuration: 'PT1H',
        managedPolicies: ['arn:aws:iam::aws:policy/IAMFullAccess'],
      });
      return b.with({
        permissionSets: [b.readOnly, iam],
        assignments: [b.readOnlyForDevelopers, assign(b.platform, iam, [b.dev])],
      });
    },
    nonCompliant: () => {
      const b = lintBaseline();
      const iam = permissionSet({
        name: 'IamAdmin',
        sessionDuration: 'PT2H',
        managedPolicies: ['arn:aws:iam::aws:policy/IAMFullAccess'],
      });
      return {
        config: b.with({
          permissionSets: [b.readOnly, iam],
          assignments: [b.readOnlyForDevelopers, assign(b.platform, iam, [b.dev])],
        }),
        site: iam.site,
      };
    },
    path: 'permissionSets[IamAdmin].sessionDuration',
    fix: "Set sessionDuration: 'PT1H' on IamAdmin",
    value: 'PT2H',
    subject: 'permission-set:IamAdmin',
  },
  {
    rule: 'assignment-to-user',
    name: 'permission set assigned directly to a user',
    compliant: () => lintBaseline().with({}),
    nonCompliant: () => {
      const b = lintBaseline();
      const a = assign(user('alice'), b.readOnly, [b.dev]);
      return { config: b.with({ assignments: [...(b.options.assignments ?? []), a] }), site: a.site };
    },
    path: 'assignments[alice:ReadOnly].principal',
    fix: 'Assign it to a group instead',
    value: 'alice',
    subject: 'assignment:USER:alice:ReadOnly',
  },
  {
    rule: 'admin-in-sensitive-account',
    name: 'admin in a production account',
    compliant: () => lintBaseline().with({}),
    nonCompliant: () => {
      const b = lintBaseline();
      const a = assign(b.platform, b.admin, [b.workloads]);
      return { config: b.with({ assignments: [b.readOnlyForDevelopers, a] }), site: a.site };
    },
    path: 'assignments[Platform:Admin]',
    fix: 'Exclude these accounts',
    message: /group Platform holds admin-equivalent Admin in production \(payments-prod\) accounts/,
    value: ['payments-prod'],
    subject: 'assignment:GROUP:Platform:Admin',
  },
  {
    rule: 'admin-in-sensitive-account',
    name: 'inline wildcard admin in the security and management accounts',
    compliant: () => lintBaseline().with({}),
    nonCompliant: () => {
      const b = lintBaseline();
      const ops = inline({ Effect: 'Allow', Action: '*', Resource: '*' });
      return {
        config: b.with({
          permissionSets: [b.readOnly, b.admin, ops],
          assignments: [
            ...(b.options.assignments ?? []),
            assign(b.platform, ops, [b.security, b.management]),
          ],
        }),
      };
    },
    path: 'assignments[Platform:Ops]',
    fix: 'Exclude these accounts',
    message: /in management \(management\); security \(log-archive\) accounts/,
    alsoReports: ['inline-admin-wildcard'],
  },
];
