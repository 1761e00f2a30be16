// The dependency rules of the workspace, in one table. `check.mjs` derives biome.json's boundary
// overrides from it and holds every package.json to it; biome enforces them on every import.

/**
 * Each workspace package: its directory, and the workspace packages it may import (src and tests
 * together; which of them a package's src may use is its package.json's business: devDependencies
 * are for tests only, and biome's noUndeclaredDependencies checks that). The README's chains:
 * cli → github | aws | sandbox → live → engine → model; accounts → policies → guardrails → model;
 * cli → lint → simulate → engine → model; bench → cli | sandbox → live.
 */
export const PACKAGES = [
  { name: '@orgops/model', dir: 'packages/model', may: [] },
  // Shared test support (the moto harness, SDK faults, the GitHub fake): a leaf, used by tests only.
  { name: '@orgops/testkit', dir: 'packages/testkit', may: [] },
  // The workflow lint rules (`pnpm lint` runs them on .github/workflows): a leaf.
  { name: '@orgops/workflow-rules', dir: 'packages/workflow-rules', may: [] },
  { name: '@orgops/engine', dir: 'packages/engine', may: ['@orgops/model'] },
  { name: '@orgops/live', dir: 'packages/live', may: ['@orgops/engine', '@orgops/model'] },
  {
    name: '@orgops/sandbox',
    dir: 'packages/sandbox',
    may: ['@orgops/engine', '@orgops/live', '@orgops/model'],
  },
  // The permissions test checks the AWS backend's IAM actions against lint's catalogue.
  {
    name: '@orgops/aws',
    dir: 'packages/aws',
    may: ['@orgops/engine', '@orgops/live', '@orgops/model', '@orgops/lint', '@orgops/testkit'],
  },
  // Tests run the simulator against the sandbox.
  {
    name: '@orgops/simulate',
    dir: 'packages/simulate',
    may: ['@orgops/engine', '@orgops/model', '@orgops/live', '@orgops/sandbox'],
  },
  // Tests simulate the guardrails against request tables.
  { name: '@orgops/guardrails', dir: 'packages/guardrails', may: ['@orgops/model', '@orgops/simulate'] },
  // Tests lint the example organization.
  {
    name: '@orgops/lint',
    dir: 'packages/lint',
    may: ['@orgops/engine', '@orgops/model', '@orgops/simulate', '@org/accounts'],
  },
  {
    name: '@orgops/github',
    dir: 'packages/github',
    may: [
      '@orgops/engine',
      '@orgops/live',
      '@orgops/model',
      '@orgops/aws',
      '@orgops/sandbox',
      '@orgops/testkit',
    ],
  },
  {
    name: '@orgops/cli',
    dir: 'packages/cli',
    may: [
      '@orgops/aws',
      '@orgops/engine',
      '@orgops/github',
      '@orgops/lint',
      '@orgops/live',
      '@orgops/model',
      '@orgops/sandbox',
      '@orgops/simulate',
      '@orgops/testkit',
      '@org/accounts',
      '@org/policies',
    ],
  },
  {
    name: '@orgops/bench',
    dir: 'packages/bench',
    may: ['@orgops/cli', '@orgops/engine', '@orgops/live', '@orgops/model', '@orgops/sandbox'],
  },
  { name: '@orgops/cdk', dir: 'packages/cdk', may: ['@orgops/aws', '@orgops/model'] },
  { name: '@orgops/boundaries', dir: 'packages/boundaries', may: [] },
  // The port conformance suite: the same tests against the sandbox and against moto (tests only).
  {
    name: '@orgops/conformance',
    dir: 'packages/conformance',
    may: [
      '@orgops/aws',
      '@orgops/engine',
      '@orgops/live',
      '@orgops/model',
      '@orgops/sandbox',
      '@orgops/testkit',
    ],
  },
  {
    name: '@org/policies',
    dir: 'policies',
    may: ['@orgops/model', '@orgops/guardrails', '@orgops/simulate'],
  },
  {
    name: '@org/accounts',
    dir: 'accounts',
    may: ['@orgops/model', '@org/policies', '@orgops/guardrails', '@orgops/simulate'],
  },
];

/** Data in, data out: no Node built-ins and no AWS SDK in their src (tests may use Node built-ins). */
export const PURE = ['@orgops/model', '@orgops/engine'];

/**
 * Packages whose src may import the AWS SDK (`@aws-sdk/*`, `@smithy/*`): aws implements the ports
 * with it, cdk (aws-cdk-lib) deploys the bootstrap, testkit seeds and inspects moto for tests. Tests
 * elsewhere may, to drive moto, when their package declares the client as a devDependency; model
 * and engine never.
 */
export const AWS_SDK_SRC = ['@orgops/aws', '@orgops/cdk', '@orgops/testkit'];

/**
 * Test kits that packages export by subpath for other packages' tests (`@orgops/model/testing`:
 * configs; `@orgops/engine/testing`: snapshots and changes). They are left out of every build, so
 * no package's src may import them.
 */
export const TEST_KITS = ['@orgops/engine/testing', '@orgops/model/testing'];

/** Files that are tests or test support: devDependencies and the test-only allowances apply. */
export const TEST_GLOBS = [
  '**/test/**',
  '**/*.test.ts',
  '**/*.test-support.ts',
  '**/vitest.config.ts',
  '**/scripts/**',
];

/** Deepest directory level under a package root that the relative-import check covers. */
export const MAX_DEPTH = 6;
