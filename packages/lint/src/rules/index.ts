import type { LintRule } from '../rule.ts';
import { adminInSensitiveAccount } from './admin-in-sensitive-account.ts';
import { assignmentToUser } from './assignment-to-user.ts';
import { baselineGuardrailMissing } from './baseline-guardrail-missing.ts';
import { exemptionWildcard } from './exemption-wildcard.ts';
import { guardrailLockout } from './guardrail-lockout.ts';
import { inlineAdminWildcard } from './inline-admin-wildcard.ts';
import { longAdminSession } from './long-admin-session.ts';
import { policyNearSizeLimit } from './policy-near-size-limit.ts';
import { rcpUnsupportedService } from './rcp-unsupported-service.ts';
import { unknownAction } from './unknown-action.ts';
import { unknownConditionKey } from './unknown-condition-key.ts';
import { unknownService } from './unknown-service.ts';
import { RULE_IDS, waiverUnused } from './waiver-unused.ts';

/** Every lint rule, in the order they run and are listed in the README. Ids are stable. */
export const LINT_RULES: readonly LintRule[] = [
  unknownService,
  unknownAction,
  unknownConditionKey,
  rcpUnsupportedService,
  inlineAdminWildcard,
  longAdminSession,
  assignmentToUser,
  adminInSensitiveAccount,
  policyNearSizeLimit,
  baselineGuardrailMissing,
  exemptionWildcard,
  guardrailLockout,
  // Last: it looks at every finding before it.
  waiverUnused,
];

for (const r of LINT_RULES) RULE_IDS.add(r.id);
