import { policy } from '@orgops/model';

/**
 * Opts every account out of AWS using its AI-service content to improve those services, and
 * forbids child policies from opting back in (`@@none`). Data we store stays ours.
 */
export const aiServicesOptOut = policy('AISERVICES_OPT_OUT_POLICY', {
  name: 'ai-services-opt-out',
  description: 'Opt out of AI service content use for every service and account',
  content: {
    services: {
      '@@operators_allowed_for_child_policies': ['@@none'],
      default: {
        '@@operators_allowed_for_child_policies': ['@@none'],
        opt_out_policy: {
          '@@operators_allowed_for_child_policies': ['@@none'],
          '@@assign': 'optOut',
        },
      },
    },
  },
});
