/**
 * The two backends every conformance test runs against: the sandbox (in memory) and moto through
 * the AWS backend. Both start with an organization (all features), one Identity Center instance,
 * a group `developers` and a user `alice`, so a test reads the same on either.
 */

import { CreateGroupCommand, CreateUserCommand } from '@aws-sdk/client-identitystore';
import { ListInstancesCommand } from '@aws-sdk/client-sso-admin';
import { createAwsBackendFromClients, createAwsClients } from '@orgops/aws';
import type { Backend } from '@orgops/live';
import { createSandbox } from '@orgops/sandbox';
import { createMotoOrganization, type Moto, motoClients, motoOptions, startMoto } from '@orgops/testkit/moto';
import { fillMotoGaps, MOTO_GAPS, type MotoGapId, motoGap } from '@orgops/testkit/moto-gaps';

export interface Subject {
  readonly name: 'sandbox' | 'moto';
  /** A fresh organization on this backend. */
  fresh(): Promise<Backend>;
  /**
   * The title suffix of a test whose AWS behaviour this backend cannot show, naming the gap in
   * the kit's list; empty on a backend that behaves as AWS.
   */
  gap(id: MotoGapId): string;
  /** True where the backend shows AWS's behaviour for that gap (the sandbox always does). */
  behavesAsAws(id: MotoGapId): boolean;
  stop(): Promise<void>;
}

export const sandboxSubject: Subject = {
  name: 'sandbox',
  fresh: async () => createSandbox(undefined, { asyncPolls: 1, closeTicks: 1 }),
  gap: () => '',
  behavesAsAws: () => true,
  stop: async () => {},
};

/** moto through `@orgops/aws`, with the reads moto lacks answered as AWS would (the kit's gap list). */
export async function motoSubject(): Promise<Subject> {
  const moto: Moto = await startMoto();
  const opened: { destroy(): void }[] = [];
  return {
    name: 'moto',
    async fresh() {
      await moto.reset();
      await createMotoOrganization(moto);
      await seedIdentityStore(moto);
      const { clients, location, regions } = await createAwsClients(motoOptions(moto));
      fillMotoGaps(clients);
      const backend = createAwsBackendFromClients(clients, {
        location,
        regions,
        pageSize: 2,
        rateScale: 1000,
      });
      opened.push(backend);
      return backend;
    },
    gap: (id) => motoGap(id),
    behavesAsAws: (id) => MOTO_GAPS[id].handling === 'substituted',
    async stop() {
      for (const b of opened) b.destroy();
      await moto.stop();
    },
  };
}

async function seedIdentityStore(moto: Moto): Promise<void> {
  const clients = motoClients(moto);
  try {
    const instances = await clients.ssoAdmin.send(new ListInstancesCommand({}));
    const IdentityStoreId = instances.Instances?.[0]?.IdentityStoreId ?? '';
    await clients.identityStore.send(new CreateGroupCommand({ IdentityStoreId, DisplayName: 'developers' }));
    await clients.identityStore.send(
      new CreateUserCommand({
        IdentityStoreId,
        UserName: 'alice',
        DisplayName: 'Alice',
        Name: { GivenName: 'Alice', FamilyName: 'Example' },
      }),
    );
  } finally {
    for (const c of Object.values(clients)) c.destroy();
  }
}
