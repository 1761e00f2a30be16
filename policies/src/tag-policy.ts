import { policy } from '@orgops/model';

/** Values the `environment` tag may take, on accounts and on resources. */
export const ENVIRONMENTS = ['prod', 'staging', 'dev', 'sandbox', 'shared', 'security'] as const;

/**
 * Tag policy: one spelling of the cost-allocation keys and a closed set of environments.
 * Organizations reports non-compliance without blocking anything yet (no `enforced_for`):
 * report first, enforce once the report is clean.
 */
export const costAllocationTags = policy('TAG_POLICY', {
  name: 'cost-allocation-tags',
  description: 'Standard cost-center and environment tag keys and environment values',
  content: {
    tags: {
      'cost-center': { tag_key: { '@@assign': 'cost-center' } },
      environment: {
        tag_key: { '@@assign': 'environment' },
        tag_value: { '@@assign': [...ENVIRONMENTS] },
      },
    },
  },
});
