import { generateConfig } from '@orgops/engine';
import { it } from 'vitest';
import { motoClients, startMoto } from '../moto.ts';
import { brownfieldBackend, loadConfig, planAgainst, read, summary, writeGenerated } from './harness.ts';
import { seedBrownfield } from './seed-brownfield.ts';

it('spike', async () => {
  const moto = await startMoto();
  try {
    const c = motoClients(moto);
    let t = Date.now();
    const seeded = await seedBrownfield(c);
    console.log('seed ms', Date.now() - t, seeded.assignmentCount);
    const b = await brownfieldBackend(moto);
    t = Date.now();
    const snap = await read(b);
    console.log('read ms', Date.now() - t, b.stats());
    console.log(snap.accounts.length, snap.ous.length, snap.policies.length, snap.identityCenter?.assignments.length);
    const gen = generateConfig(snap);
    console.log(gen.notes);
    const dir = writeGenerated(gen.files);
    const { desired, warnings } = await loadConfig(dir);
    console.log(warnings);
    const { plan } = await planAgainst(b, desired);
    console.log(summary(plan));
  } finally {
    await moto.stop();
  }
}, 300_000);
