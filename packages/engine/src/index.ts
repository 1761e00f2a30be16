export * from './analysis/types.ts';
export * from './change.ts';
export * from './plan.ts';
export * from './snapshot.ts';
