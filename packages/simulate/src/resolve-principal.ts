import { expandAssignments } from '@orgops/engine';
import { type DesiredState, OrgopsError } from '@orgops/model';
import { type AccountChain, accountChain } from './chain.ts';
import type { SimulationIdentity } from './identity.ts';
import { awsManagedPolicy } from './managed-policies.ts';
import { type PrincipalSpec, permissionSetRoleArn } from './principals.ts';
import { memberPrincipalContext } from './request-context.ts';

export interface NamedPolicy {
  readonly name: string;
  readonly policy: unknown;
}

/** Resolves a customer managed policy (by path and name) to its document in one account. */
export type CustomerManagedPolicyResolver = (
  policy: { readonly name: string; readonly path: string },
  accountId: string,
) => unknown;

/** A principal as the simulator evaluates it. */
export interface ResolvedPrincipal {
  /** The ARN iam-simulate sees, or undefined for an anonymous request. */
  readonly arn: string | undefined;
  /** Its account's chain when it is in the organization. */
  readonly chain: AccountChain | undefined;
  /** False for the management account, service principals and anyone outside the organization. */
  readonly boundBySCPs: boolean;
  readonly identityPolicies: readonly NamedPolicy[];
  readonly permissionsBoundary: readonly NamedPolicy[];
  /** Request context AWS fills in for this principal. */
  readonly context: Readonly<Record<string, string>>;
}

const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

export async function resolvePrincipal(
  desired: DesiredState,
  identity: SimulationIdentity,
  spec: PrincipalSpec,
  customerManaged: CustomerManagedPolicyResolver | undefined,
): Promise<ResolvedPrincipal> {
  switch (spec.kind) {
    case 'permission-set': {
      const chain = accountChain(desired, identity, spec.account);
      const ps = desired.permissionSets.find((p) => p.name === spec.name);
      if (!ps) {
        throw new OrgopsError(
          'simulation-principal-unknown',
          `no permission set "${spec.name}"; the config defines ${desired.permissionSets.map((p) => p.name).join(', ')}.`,
        );
      }
      if (spec.requireAssignment !== false) {
        const assigned = expandAssignments(desired).some(
          (t) => t.permissionSet === ps.name && t.email === chain.account.email,
        );
        if (!assigned) {
          throw new OrgopsError(
            'simulation-principal-unassigned',
            `permission set ${ps.name} is not assigned in ${chain.account.name}; nobody can sign in with it there ` +
              '(pass requireAssignment: false to simulate it anyway).',
          );
        }
      }
      const identityPolicies: NamedPolicy[] = [];
      for (const arn of ps.managedPolicies) {
        identityPolicies.push({ name: arn, policy: (await awsManagedPolicy(arn)).document });
      }
      for (const ref of ps.customerManagedPolicies) {
        identityPolicies.push({
          name: `${ref.path}${ref.name}`,
          policy: customerPolicy(customerManaged, ref, chain.accountId, ps.name),
        });
      }
      if (ps.inlinePolicy) identityPolicies.push({ name: 'inline', policy: JSON.parse(ps.inlinePolicy) });
      const boundary = ps.permissionsBoundary;
      const permissionsBoundary: NamedPolicy[] = !boundary
        ? []
        : 'managedPolicyArn' in boundary
          ? [
              {
                name: boundary.managedPolicyArn,
                policy: (await awsManagedPolicy(boundary.managedPolicyArn)).document,
              },
            ]
          : [
              {
                name: `${boundary.customerManagedPolicy.path}${boundary.customerManagedPolicy.name}`,
                policy: customerPolicy(
                  customerManaged,
                  boundary.customerManagedPolicy,
                  chain.accountId,
                  ps.name,
                ),
              },
            ];
      return member(
        chain,
        identity,
        permissionSetRoleArn(chain.accountId, ps.name),
        identityPolicies,
        permissionsBoundary,
      );
    }
    case 'role': {
      const chain = accountChain(desired, identity, spec.account);
      const identityPolicies: NamedPolicy[] = [];
      for (const arn of spec.managedPolicies ?? []) {
        identityPolicies.push({ name: arn, policy: (await awsManagedPolicy(arn)).document });
      }
      for (const p of spec.inlinePolicies ?? []) identityPolicies.push({ name: p.name, policy: p.document });
      const arn = `arn:aws:iam::${chain.accountId}:role/${spec.name.replace(/^\//, '')}`;
      return member(chain, identity, arn, identityPolicies, []);
    }
    case 'root': {
      const chain = accountChain(desired, identity, spec.account);
      const arn = `arn:aws:iam::${chain.accountId}:root`;
      // The root user needs no identity policy: it holds every permission its SCPs leave it.
      const resolved = member(chain, identity, arn, [{ name: 'root user', policy: ALLOW_ALL }], []);
      return { ...resolved, context: { ...resolved.context, 'aws:PrincipalType': 'Account' } };
    }
    case 'service':
      return {
        arn: spec.service,
        chain: undefined,
        boundBySCPs: false,
        identityPolicies: [],
        permissionsBoundary: [],
        context: { 'aws:PrincipalIsAWSService': 'true', 'aws:PrincipalServiceName': spec.service },
      };
    case 'external': {
      const accountId = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(spec.arn)?.[1];
      if (!accountId) {
        throw new OrgopsError(
          'simulation-principal-unknown',
          `external principal "${spec.arn}" is not an IAM role or user ARN with an account id.`,
        );
      }
      const inOrg = [...identity.accountIds.values()].includes(accountId);
      if (inOrg) {
        throw new OrgopsError(
          'simulation-principal-unknown',
          `external principal ${spec.arn} is in account ${accountId} of this organization; use a role principal.`,
        );
      }
      return {
        arn: spec.arn,
        chain: undefined,
        boundBySCPs: false,
        identityPolicies: (spec.inlinePolicies ?? [{ name: 'allow-all', document: ALLOW_ALL }]).map((p) => ({
          name: p.name,
          policy: p.document,
        })),
        permissionsBoundary: [],
        context: {
          'aws:PrincipalArn': spec.arn,
          'aws:PrincipalAccount': accountId,
          'aws:PrincipalIsAWSService': 'false',
          'aws:PrincipalType': 'AssumedRole',
          ...(spec.organizationId ? { 'aws:PrincipalOrgID': spec.organizationId } : {}),
        },
      };
    }
    case 'anonymous':
      return {
        arn: undefined,
        chain: undefined,
        boundBySCPs: false,
        identityPolicies: [],
        permissionsBoundary: [],
        context: { 'aws:PrincipalType': 'Anonymous' },
      };
  }
}

function member(
  chain: AccountChain,
  identity: SimulationIdentity,
  arn: string,
  identityPolicies: readonly NamedPolicy[],
  permissionsBoundary: readonly NamedPolicy[],
): ResolvedPrincipal {
  return {
    arn,
    chain,
    boundBySCPs: !chain.management,
    identityPolicies,
    permissionsBoundary,
    context: memberPrincipalContext(arn, chain.accountId, identity.organizationId),
  };
}

function customerPolicy(
  resolve: CustomerManagedPolicyResolver | undefined,
  ref: { readonly name: string; readonly path: string },
  accountId: string,
  permissionSet: string,
): unknown {
  const document = resolve?.(ref, accountId);
  if (document === undefined) {
    throw new OrgopsError(
      'simulation-policy-unknown',
      `permission set ${permissionSet} uses customer managed policy ${ref.path}${ref.name}, whose document lives in ` +
        `account ${accountId} and not in the config; pass customerManagedPolicy to the simulator to supply it.`,
    );
  }
  return document;
}
