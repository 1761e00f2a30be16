import { isDeepStrictEqual } from 'node:util';
import { isEmptyPlan } from '@orgops/engine';
import { canonicalSnapshot, readSnapshot } from '@orgops/live';
import { buildOrganization } from './build-organization.ts';
import { cpuMs, MODEL, type Model, measureConfig, measureRead, plan } from './measure.ts';
import { type ApplyMeasure, measureApply } from './measure-apply.ts';
import { type DriftMeasure, measureDrift } from './measure-drift.ts';
import { readSnapshotNaively } from './naive-reader.ts';
import { assignmentCount, SHAPES, type ShapeName } from './shape.ts';

/** What `pnpm bench --json` prints for one organization. */
export interface OrganizationResult {
  readonly name: ShapeName;
  readonly accounts: number;
  readonly ous: number;
  readonly policies: number;
  readonly permissionSets: number;
  readonly assignments: number;
  /** The reader's calls per `service:Operation`. */
  readonly calls: Readonly<Record<string, number>>;
  readonly totalCalls: number;
  readonly modeledReadSeconds: number;
  /** The least time AWS's rates allow for those calls: the slowest throttling bucket's. */
  readonly floorSeconds: number;
  readonly floorBucket: string;
  /** modeledReadSeconds ÷ floorSeconds. */
  readonly ratio: number;
  /** The naive reader's calls per operation, measured in the same run. */
  readonly naiveCalls: Readonly<Record<string, number>>;
  readonly naiveTotalCalls: number;
  readonly naiveModeledReadSeconds: number;
  readonly naiveFloorSeconds: number;
  /** The naive reader read exactly what the real one did. */
  readonly naiveSnapshotMatches: boolean;
  readonly config: { readonly files: number; readonly lines: number };
  readonly warnings: Readonly<Record<string, number>>;
  /** CPU milliseconds. */
  readonly cpuMs: {
    readonly loadAndValidate: number;
    readonly plan: number;
    readonly render: { readonly text: number; readonly markdown: number; readonly json: number };
  };
  readonly apply: Omit<ApplyMeasure, 'renderMs'>;
  /** `drift --since` after ten out-of-band edits, on modeled time. */
  readonly drift: DriftMeasure;
}

export interface BenchResult {
  readonly model: Model & { readonly rates: string };
  readonly organizations: readonly OrganizationResult[];
}

export interface BenchOptions {
  readonly shapes: readonly ShapeName[];
  readonly model?: Model;
  /** Assignment changes the apply measurement makes (default 1,000; fewer for the small shape). */
  readonly applyChanges?: number;
  readonly progress?: (message: string) => void;
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const model = options.model ?? MODEL;
  const progress = options.progress ?? (() => {});
  const organizations: OrganizationResult[] = [];
  for (const name of options.shapes) {
    const shape = SHAPES[name];
    const label = `${shape.accounts.toLocaleString('en-US')} accounts`;
    const state = buildOrganization(shape);

    progress(`${label}: reading on modeled time`);
    const read = await measureRead(state, model, (b) => readSnapshot(b));
    progress(`${label}: reading naively on modeled time`);
    const naive = await measureRead(state, model, (b) => readSnapshotNaively(b));
    progress(`${label}: generating, loading and validating the config`);
    const config = await measureConfig(read.snapshot);
    progress(`${label}: planning`);
    const planned = cpuMs(() => plan(config.desired, read.snapshot));
    if (!isEmptyPlan(planned.value))
      throw new Error(
        `${label}: the imported config should plan no changes, got ${planned.value.summary.total}.`,
      );
    const changes = Math.min(options.applyChanges ?? 1_000, assignmentCount(shape));
    progress(`${label}: applying ${changes} assignment changes on modeled time`);
    const { renderMs, ...apply } = await measureApply(state, config.desired, model, changes);
    progress(`${label}: drift --since after 10 out-of-band edits, on modeled time`);
    const drift = await measureDrift(state, config.desired, model);

    organizations.push({
      name,
      accounts: shape.accounts,
      ous: shape.ous,
      policies: shape.policies,
      permissionSets: shape.permissionSets,
      assignments: assignmentCount(shape),
      calls: read.stats.calls,
      totalCalls: read.stats.total,
      modeledReadSeconds: read.modeledSeconds,
      floorSeconds: read.floorSeconds,
      floorBucket: read.floorBucket,
      ratio: read.floorSeconds > 0 ? read.modeledSeconds / read.floorSeconds : 1,
      naiveCalls: naive.stats.calls,
      naiveTotalCalls: naive.stats.total,
      naiveModeledReadSeconds: naive.modeledSeconds,
      naiveFloorSeconds: naive.floorSeconds,
      naiveSnapshotMatches: isDeepStrictEqual(
        canonicalSnapshot(read.snapshot),
        canonicalSnapshot(naive.snapshot),
      ),
      config: { files: config.files, lines: config.lines },
      warnings: config.warnings,
      cpuMs: { loadAndValidate: config.loadAndValidateMs, plan: planned.ms, render: renderMs },
      apply,
      drift,
    });
  }
  return { model: { ...model, rates: 'packages/live/src/pacing/rates.ts' }, organizations };
}
