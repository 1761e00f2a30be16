import { createMotoOrganization, type Moto, startMoto } from '@orgops/testkit/moto';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/**
 * One moto_server for the test file and, before each test, a fresh state: reset, then an
 * organization (all features) unless `organization: false`. Call it at the top of the file, before
 * the file's own `beforeEach` (hooks run in the order they are registered). The returned `Moto`
 * stands for the server started in `beforeAll`.
 */
export function useMotoPerTest(options: { organization?: boolean } = {}): Moto {
  let started: Moto | undefined;
  const moto = (): Moto => {
    if (!started) throw new Error('moto is started in beforeAll: use it inside a test or hook');
    return started;
  };
  beforeAll(async () => {
    started = await startMoto();
  });
  afterAll(async () => {
    await started?.stop();
  });
  beforeEach(async () => {
    await moto().reset();
    if (options.organization !== false) await createMotoOrganization(moto());
  });
  return {
    get endpoint() {
      return moto().endpoint;
    },
    reset: () => moto().reset(),
    stop: () => moto().stop(),
  };
}
