import { logArchiveProtection } from '@org/policies';
import { account, FullAWSAccess, managementAccount } from '@orgops/model';
import { infrastructure, nonProd, prod, root, sandbox, security } from './ous.ts';

// One account per workload and environment: the account boundary is the strongest isolation AWS
// offers, and it makes blast radius and cost allocation obvious.

/** Billing and the organization itself only. SCPs never apply here, so nothing else runs here. */
export const management = managementAccount({
  name: 'management',
  email: 'aws-management@example.com',
  parent: root,
  tags: { environment: 'shared', owner: 'platform', 'cost-center': 'cc-platform' },
});

/**
 * Write-once home of the organization trail and Config history. Platform admins may look after it,
 * but protect-log-archive denies everyone except break-glass deleting, expiring or unlocking logs.
 */
export const logArchive = account({
  name: 'log-archive',
  email: 'aws+log-archive@example.com',
  parent: security,
  policies: [FullAWSAccess, logArchiveProtection],
  tags: { environment: 'security', owner: 'security', 'cost-center': 'cc-security' },
});

/** Delegated administrator of the security services: findings are managed away from the management account. */
export const securityTooling = account({
  name: 'security-tooling',
  email: 'aws+security-tooling@example.com',
  parent: security,
  tags: { environment: 'security', owner: 'security', 'cost-center': 'cc-security' },
});

export const network = account({
  name: 'network',
  email: 'aws+network@example.com',
  parent: infrastructure,
  tags: { environment: 'shared', owner: 'platform', 'cost-center': 'cc-platform' },
});

export const sharedServices = account({
  name: 'shared-services',
  email: 'aws+shared-services@example.com',
  parent: infrastructure,
  tags: { environment: 'shared', owner: 'platform', 'cost-center': 'cc-platform' },
});

export const paymentsProd = account({
  name: 'payments-prod',
  email: 'aws+payments-prod@example.com',
  parent: prod,
  tags: { environment: 'prod', owner: 'payments', 'cost-center': 'cc-payments' },
});

export const dataProd = account({
  name: 'data-prod',
  email: 'aws+data-prod@example.com',
  parent: prod,
  tags: { environment: 'prod', owner: 'data', 'cost-center': 'cc-data' },
});

export const paymentsStaging = account({
  name: 'payments-staging',
  email: 'aws+payments-staging@example.com',
  parent: nonProd,
  tags: { environment: 'staging', owner: 'payments', 'cost-center': 'cc-payments' },
});

export const dataDev = account({
  name: 'data-dev',
  email: 'aws+data-dev@example.com',
  parent: nonProd,
  tags: { environment: 'dev', owner: 'data', 'cost-center': 'cc-data' },
});

export const sandboxAccount = account({
  name: 'sandbox',
  email: 'aws+sandbox@example.com',
  parent: sandbox,
  tags: { environment: 'sandbox', owner: 'platform', 'cost-center': 'cc-sandbox' },
});

export const accounts = [
  management,
  logArchive,
  securityTooling,
  network,
  sharedServices,
  paymentsProd,
  dataProd,
  paymentsStaging,
  dataDev,
  sandboxAccount,
];
