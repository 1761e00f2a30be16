import { desiredFromSnapshot } from '@orgops/engine';
import { configReadOptions, readSnapshot } from '@orgops/live';
import type { DesiredState } from '@orgops/model';
import { createSimulator, type Simulator } from '@orgops/simulate';
import type { CommandContext, GlobalOptions } from '../command-context.ts';
import { loadValidConfig } from '../make-plan.ts';
import { openBackend } from '../open-backend.ts';

/** The organization a question is asked of: the config (intended), or what AWS or the sandbox holds. */
export interface OrganizationSource {
  readonly desired: DesiredState;
  readonly simulator: Simulator;
  /** `the config (accounts/src/index.ts)`, `the sandbox (.orgops/sandbox.json)`, `AWS organization o-…`. */
  readonly words: string;
  readonly live: boolean;
}

/**
 * Loads the config, and with `live` reads the organization through the same reader `plan` uses
 * and asks the question of what it holds (ids, attachments and assignments as they are).
 */
export async function organizationSource(
  ctx: CommandContext,
  options: GlobalOptions,
  live: boolean,
): Promise<OrganizationSource> {
  const loaded = await loadValidConfig(ctx, options);
  if (!live) {
    return {
      desired: loaded.desired,
      simulator: createSimulator(loaded.desired),
      words: 'the config (intended state; pass --backend sandbox|aws to ask the live organization)',
      live: false,
    };
  }
  const backend = await openBackend(options, ctx.cwd);
  ctx.io.progress(
    `Reading the ${backend.kind === 'sandbox' ? 'sandbox' : 'AWS'} organization (${backend.location})...`,
  );
  const snapshot = await readSnapshot(backend, configReadOptions(loaded.desired));
  const desired = desiredFromSnapshot(snapshot);
  return {
    desired,
    simulator: createSimulator(desired, { organizationId: snapshot.organization.id }),
    words:
      backend.kind === 'sandbox'
        ? `the sandbox organization (${backend.location})`
        : `AWS organization ${snapshot.organization.id}`,
    live: true,
  };
}
