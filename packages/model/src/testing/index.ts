// Test support (excluded from the build): one way to build organization configs in tests, shared
// by every package through `@orgops/model/testing`. See the package README.
export * from './organization.ts';
export * from './policies.ts';
export * from './rule-case.ts';
