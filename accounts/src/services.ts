import { trustedService } from '@orgops/model';
import { securityTooling } from './accounts.ts';

// Security services are administered from security-tooling, not from the management account:
// the fewer people and roles that need the management account, the better.

export const trustedServices = [
  // Identity Center: every human sign-in depends on it.
  trustedService('sso.amazonaws.com'),
  // Organization trail and Config recording for every account, created from the management account.
  trustedService('cloudtrail.amazonaws.com'),
  trustedService('config.amazonaws.com'),
  trustedService('guardduty.amazonaws.com', { delegatedAdministrator: securityTooling }),
  trustedService('securityhub.amazonaws.com', { delegatedAdministrator: securityTooling }),
  trustedService('access-analyzer.amazonaws.com', { delegatedAdministrator: securityTooling }),
];
