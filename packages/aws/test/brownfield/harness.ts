/**
 * Plumbing for the brownfield round trip: backends over moto with the gap middleware, the
 * generated config written to a git-ignored scratch directory and loaded through tsx like a user's
 * config, planning, and a write-counting fault injector for the crash test.
 */

import { mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzePlan, changesOf, type GeneratedFile, type Plan, plan, type Snapshot } from '@orgops/engine';
import {
  type ApplyOptions,
  type Backend,
  type ChangeOutcome,
  type ConfigPrincipal,
  configPrincipals,
  readSnapshot,
} from '@orgops/live';
import { type DesiredState, type OrganizationConfig, validateConfig } from '@orgops/model';
import { type Moto, TEST_CREDENTIALS, TEST_REGION } from '@orgops/testkit/moto';
import { fillMotoGaps } from '@orgops/testkit/moto-gaps';
import type { MetadataBearer, MiddlewareStack } from '@smithy/types';
import { tsImport } from 'tsx/esm/api';
import { type AwsBackend, createAwsBackendFromClients, createAwsClients } from '../../src/index.ts';

export const TOOL_VERSION = '0.0.0-brownfield';

/**
 * A backend over moto at the production page sizes (20 for Organizations, 100 for Identity
 * Center), with moto's missing sso-admin reads answered as AWS would (@orgops/testkit/moto-gaps). `onWrite`
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

/**
 * Like @orgops/testkit/faults (which the gap middleware already uses under its fixed name): sits below the
 * SDK's deserializer and answers a chosen write with an AWS error document, so the real protocol
 * code builds the real exception and the backend's retry logic sees what it would see from AWS.
 */
function installWriteFaults(
  clients: Awaited<ReturnType<typeof createAwsClients>>['clients'],
  fault: WriteFault,
) {
  let writes = 0;
  for (const client of [clients.organizations, clients.ssoAdmin, clients.identityStore]) {
    (client.middlewareStack as unknown as MiddlewareStack<object, MetadataBearer>).add(
      (next, context) => async (args) => {
        const operation = String((context as { commandName?: string }).commandName ?? '').replace(
          /Command$/,
          '',
        );
        if (isRead(operation)) return next(args);
        writes += 1;
        const input = ((args as { input?: object }).input ?? {}) as Record<string, unknown>;
        const answer = fault(writes, operation, input);
        if (!answer) return next(args);
        return {
          response: {
            statusCode: answer.status,
            reason: 'fault injected',
            headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `fault-${writes}` },
            body: new TextEncoder().encode(JSON.stringify({ __type: answer.type, message: answer.message })),
          },
          output: {},
        } as never;
      },
      { step: 'deserialize', priority: 'low', name: 'brownfieldWriteFault' },
    );
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
  try {
    rmdirSync(dirname(SCRATCH_DIR)); // only when no other run still has a directory there
  } catch {}
}

/**
 * Loads `index.ts` the way the CLI loads a user's config (tsx) and validates its default export.
 * Returns the desired state, or throws with every validation error.
 */
export async function loadConfig(
  dir: string,
): Promise<{ config: OrganizationConfig; desired: DesiredState; warnings: string[] }> {
  const file = join(dir, 'index.ts');
  const mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as { default: unknown };
  const result = validateConfig(mod.default, { file });
  const warnings = result.warnings.map((w) => `${w.code} ${w.path}: ${w.message}`);
  if (!result.ok)
    throw new Error(
      `generated config does not validate:\n${result.errors.map((e) => `${e.code} ${e.path}: ${e.message}`).join('\n')}`,
    );
  return { config: result.value.config, desired: result.value.desired, warnings };
}

/**
 * Reads the organization. moto's ListAccountsForProvisionedPermissionSet reports only the
 * management account (it provisions to the caller whatever the target), so the per-pair path
 * would never see member-account assignments; per principal (ListAccountAssignmentsForPrincipal)
 * sees them all, as it does on AWS.
 */
export function read(backend: Backend, principals: readonly ConfigPrincipal[] = []): Promise<Snapshot> {
  return readSnapshot(backend, { principals, assignments: 'per-principal' });
}

/**
 * applyPlan's options for moto: no wait between polls, and the freshness read per principal too.
 * With the default (`auto`) the re-read would pick the per-pair path (10 provisioned pairs < 18
 * principals), miss every member-account assignment on moto, and rightly call the plan stale.
 */
export const APPLY_OPTIONS: ApplyOptions = {
  pollIntervalMs: 0,
  readSnapshot: (backend, principals) => read(backend, principals),
};

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
  if (!result.ok)
    throw new Error(`plan failed:\n${result.errors.map((e) => `${e.code}: ${e.message}`).join('\n')}`);
  return result.value;
}

/** `action address` of every change, in plan order. */
export const summary = (p: Plan): string[] => changesOf(p).map((c) => `${c.action} ${c.address}`);

/** The failed outcomes of an apply, each as `address: message`. */
export function failures(outcomes: readonly ChangeOutcome[]): string[] {
  return outcomes.filter((o) => o.status === 'failed').map((o) => `${o.address}: ${o.error?.message}`);
}
