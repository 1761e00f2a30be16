import type { QuotasPort } from '@orgops/live';
import type { SandboxContext } from './sandbox-context.ts';

/** Service Quotas over the sandbox file's `quotas` (the value CreateAccount enforces). */
export function sandboxQuotas(ctx: SandboxContext): QuotasPort {
  return {
    async getAccountQuota() {
      ctx.enter('service-quotas', 'GetServiceQuota');
      return ctx.state.quotas.maxAccounts;
    },
  };
}
