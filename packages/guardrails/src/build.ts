import {
  captureSite,
  type IdentityStatement,
  type OrganizationPolicy,
  type ResourceControlStatement,
  resourceControlPolicy,
  serviceControlPolicy,
} from '@orgops/model';
import type { NamingOptions } from './guardrail-options.ts';
import { LIBRARY_FRAMES } from './library-frames.ts';

interface Defaults {
  readonly name: string;
  readonly description: string;
}

/** An SCP from a block's statements, named by the caller or by the block's default. */
export function guardrailScp(
  defaults: Defaults,
  naming: NamingOptions,
  statements: readonly IdentityStatement[],
): OrganizationPolicy {
  const policy = serviceControlPolicy({
    name: naming.name ?? defaults.name,
    description: naming.description ?? defaults.description,
    content: { Version: '2012-10-17', Statement: [...statements] },
    ...(naming.tags ? { tags: naming.tags } : {}),
  });
  return { ...policy, site: captureSite(LIBRARY_FRAMES) };
}

/** An RCP from a block's statements. RCP statements are deny-only by type. */
export function guardrailRcp(
  defaults: Defaults,
  naming: NamingOptions,
  statements: readonly ResourceControlStatement[],
): OrganizationPolicy {
  const policy = resourceControlPolicy({
    name: naming.name ?? defaults.name,
    description: naming.description ?? defaults.description,
    content: { Version: '2012-10-17', Statement: [...statements] },
    ...(naming.tags ? { tags: naming.tags } : {}),
  });
  return { ...policy, site: captureSite(LIBRARY_FRAMES) };
}
