/**
 * Plumbing for the brownfield round trip: backends over moto with the gap middleware, the
 * generated config written to a git-ignored scratch directory and loaded through tsx like a user's
 * config, planning, and a write-counting fault injector for the crash test.
 */

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzePlan, changesOf, type GeneratedFile, type Plan, plan, type Snapshot } from '@orgops/engine';
import { type ConfigPrincipal, configPrincipals, readSnapshot } from '@orgops/live';
import { type DesiredState, validateConfig } from '@orgops/model';
import { tsImport } from 'tsx/esm/api';
import { type AwsBackend, createAwsBackendFromClients, createAwsClients } from '../../src/index.ts';
import { injectFaults } from '../faults.ts';
import { type Moto, TEST_CREDENTIALS, TEST_REGION } from '../moto.ts';
import { fillMotoGaps } from '../moto-gaps.ts';

export const TOOL_VERSION = '0.0.0-brownfield';

/**
 * A backend over moto at the production page sizes (20 for Organizations, 100 for Identity
 * Center), with moto's missing sso-admin reads answered as AWS would (moto-gaps.ts). `onWrite`
 * may fail a write request: it sees every request that is not a read.
 */
export async function brownfieldBackend(
  moto: Moto,
  options: { readonly maxAttempts?: number; readonly onWrite?: WriteFault } = {},
): Promise<AwsBackend> {
  const { clients, location, regions } = await createAwsClients({
    endpoint: moto.endpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    rateScale: 1000,
  });
  // Writes only: the gap middleware answers reads, so the two never meet.
  if (options.onWrite) installWriteFaults(clients, options.onWrite);
  fillMotoGaps(clients);
  return createAwsBackendFromClients(clients, {
    location,
    regions,
    rateScale: 1000,
    retry: { maxAttempts: options.maxAttempts ?? 2 },
  });
}

/** Decides, for the n-th write request (1-based, over all services, retries included), whether to fail it. */
export type WriteFault = (
  n: number,
  operation: string,
  input: Readonly<Record<string, unknown>>,
) => { readonly status: number; readonly type: string; readonly message: string } | undefined;

const isRead = (operation: string) => /^(List|Describe|Get)/.test(operation);

function installWriteFaults(clients: Awaited<ReturnType<typeof createAwsClients>>['clients'], fault: WriteFault) {
  let writes = 0;
  for (const client of [clients.organizations, clients.ssoAdmin, clients.identityStore]) {
    injectFaults(client, (operation, _index, input) => {
      if (isRead(operation)) return undefined;
      writes += 1;
      return fault(writes, operation, input);
    });
  }
}

/** The git-ignored scratch directory (`.tmp/` is in the root .gitignore) for generated config. */
const AWS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCRATCH_DIR = join(AWS_DIR, '.tmp', `brownfield-${process.pid}`);

/** Writes the generated files, plus a package.json so tsx loads them as ES modules. */
export function writeGenerated(files: readonly GeneratedFile[]): string {
  mkdirSync(SCRATCH_DIR, { recursive: true });
  writeFileSync(join(SCRATCH_DIR, 'package.json'), '{ "type": "module" }\n');
  for (const f of files) {
    mkdirSync(dirname(join(SCRATCH_DIR, f.path)), { recursive: true });
    writeFileSync(join(SCRATCH_DIR, f.path), f.content);
  }
  return SCRATCH_DIR;
}

export function removeScratch(): void {
  rmSync(SCRATCH_DIR, { recursive: true, force: true });
}

/**
 * Loads `index.ts` the way the CLI loads a user's config (tsx) and validates its default export.
 * Returns the desired state, or throws with every validation error.
 */
export async function loadConfig(dir: string): Promise<{ desired: DesiredState; warnings: string[] }> {
  const file = join(dir, 'index.ts');
  const mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as { default: unknown };
  const result = validateConfig(mod.default, { file });
  const warnings = result.warnings.map((w) => `${w.code} ${w.path}: ${w.message}`);
  if (!result.ok)
    throw new Error(
      `generated config does not validate:\n${result.errors.map((e) => `${e.code} ${e.path}: ${e.message}`).join('\n')}`,
    );
  return { desired: result.value.desired, warnings };
}

/**
 * Reads the organization. moto's ListAccountsForProvisionedPermissionSet reports only the
 * management account (it provisions to the caller whatever the target), so the per-pair path
 * would never see member-account assignments; per principal (ListAccountAssignmentsForPrincipal)
 * sees them all, as it does on AWS.
 */
export function read(backend: AwsBackend, principals: readonly ConfigPrincipal[] = []): Promise<Snapshot> {
  return readSnapshot(backend, { principals, assignments: 'per-principal' });
}

/** Reads afresh and plans `desired` against it, with the review analysis. */
export async function planAgainst(
  backend: AwsBackend,
  desired: DesiredState,
): Promise<{ plan: Plan; snapshot: Snapshot }> {
  const snapshot = await read(backend, configPrincipals(desired));
  return { plan: planOf(desired, snapshot), snapshot };
}

export function planOf(desired: DesiredState, snapshot: Snapshot): Plan {
  const result = plan({ desired, snapshot, toolVersion: TOOL_VERSION, analyze: analyzePlan });
  if (!result.ok) throw new Error(`plan failed:\n${result.errors.map((e) => `${e.code}: ${e.message}`).join('\n')}`);
  return result.value;
}

/** `action address` of every change, in plan order. */
export const summary = (p: Plan): string[] => changesOf(p).map((c) => `${c.action} ${c.address}`);
