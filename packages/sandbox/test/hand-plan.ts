import { type Change, PHASES, type PhaseName, type Plan, sealPlan } from '@orgops/engine';
import { applyPlan, readSnapshot } from '@orgops/live';
import { LIMITS_VERSION } from '@orgops/model';
import type { SandboxBackend } from '../src/index.ts';

const NO_CONFIG = { ous: [], accounts: [], policies: [], attachments: [], permissionSets: [] };

/** A plan built by hand: changes grouped by phase in PHASES order, nothing observed. */
export async function handPlan(sb: SandboxBackend, changes: [PhaseName, Change][]): Promise<Plan> {
  const snap = await readSnapshot(sb);
  const facts = { desired: NO_CONFIG, snapshot: snap };
  return sealPlan(facts, {
    toolVersion: 'test',
    limitsVersion: LIMITS_VERSION,
    createdAt: new Date(0).toISOString(),
    target: {
      backend: 'sandbox',
      location: sb.location,
      organizationId: snap.organization.id,
      managementAccountId: snap.organization.managementAccountId,
    },
    phases: PHASES.map((name) => ({
      name,
      changes: changes.filter(([p]) => p === name).map(([, c]) => c),
    })).filter((p) => p.changes.length > 0),
    observed: {},
    warnings: [],
  });
}

export const apply = (sb: SandboxBackend, p: Plan, extra: Parameters<typeof applyPlan>[2] = {}) =>
  applyPlan(p, sb, { pollIntervalMs: 0, ...extra });

export const accountCreate = (i: number, parentPath = '/'): [PhaseName, Change] => [
  'create-accounts',
  {
    kind: 'account-create',
    action: 'create',
    email: `new${i}@example.com`,
    name: `new-${i}`,
    parentPath,
    tags: {},
    address: `account/new${i}@example.com`,
  },
];

/** Group developers gets permission set RO in account `id` (named `name`). */
export const developersReadOnly = (id: string, name: string): [PhaseName, Change] => [
  'create-assignments',
  {
    kind: 'assignment',
    action: 'create',
    principal: { type: 'GROUP', name: 'developers' },
    permissionSet: 'RO',
    account: { id, email: `${name}@example.com`, name },
    address: `assignment/GROUP:developers/RO/${name}@example.com`,
  },
];
