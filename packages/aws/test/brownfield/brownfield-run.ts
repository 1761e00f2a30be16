/**
 * The brownfield run the phase files share: one moto_server, the 200-account organization seeded
 * into it once, and what the import phase produced for the phases after it.
 */

import type { Snapshot } from '@orgops/engine';
import type { DesiredState, OrganizationConfig } from '@orgops/model';
import { type Moto, motoClients, startMoto } from '@orgops/testkit/moto';
import { afterAll, beforeAll } from 'vitest';
import type { AwsBackend, AwsClients } from '../../src/index.ts';
import { brownfieldBackend, removeScratch } from './harness.ts';
import { type BrownfieldOrg, seedBrownfield } from './seed-brownfield.ts';

export const STEP_TIMEOUT = 120_000;

export interface BrownfieldRun {
  /** Raw SDK clients: the "console user" of the out-of-band phases. */
  readonly consoleUser: AwsClients;
  readonly seeded: BrownfieldOrg;
  readonly seedMs: number;
  /** The imported config; throws when the import phase did not produce one. */
  imported(): DesiredState;
  /** The imported config as authored (objects and sites), for lint. */
  importedConfig(): OrganizationConfig;
  /** Records what the import phase produced. */
  setImported(desired: DesiredState, config: OrganizationConfig): void;
  withBackend<T>(
    fn: (b: AwsBackend) => Promise<T>,
    options?: Parameters<typeof brownfieldBackend>[1],
  ): Promise<T>;
  /** The OU path (without the root) of `parentId` in `s`. */
  pathOf(s: Snapshot, parentId: string): string;
}

/** Starts moto and seeds the brownfield organization before the file's tests; stops it after. */
export function useBrownfield(): BrownfieldRun {
  let moto: Moto | undefined;
  let consoleUser: AwsClients | undefined;
  let seeded: BrownfieldOrg | undefined;
  let seedMs = 0;
  let imported: { desired: DesiredState; config: OrganizationConfig } | undefined;

  beforeAll(async () => {
    moto = await startMoto();
    await moto.reset();
    consoleUser = motoClients(moto);
    const started = performance.now();
    seeded = await seedBrownfield(consoleUser);
    seedMs = performance.now() - started;
  }, STEP_TIMEOUT);

  afterAll(async () => {
    for (const client of Object.values(consoleUser ?? {})) client.destroy();
    removeScratch();
    await moto?.stop();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is set up in beforeAll; see its failure above`);
    return value;
  };
  const importPhase = () => {
    if (!imported) throw new Error('the import phase did not produce a config; see its failure above');
    return imported;
  };
  return {
    get consoleUser() {
      return ready(consoleUser, 'the console user');
    },
    get seeded() {
      return ready(seeded, 'the seeded organization');
    },
    get seedMs() {
      return seedMs;
    },
    imported: () => importPhase().desired,
    importedConfig: () => importPhase().config,
    setImported(desired, config) {
      imported = { desired, config };
    },
    async withBackend(fn, options) {
      const b = await brownfieldBackend(ready(moto, 'moto'), options);
      try {
        return await fn(b);
      } finally {
        b.destroy();
      }
    },
    pathOf(s, parentId) {
      const byId = new Map(s.ous.map((o) => [o.id, o]));
      const parts: string[] = [];
      for (let o = byId.get(parentId); o; o = byId.get(o.parentId)) parts.unshift(o.name);
      return parts.join('/');
    },
  };
}
