export { NON_DETACHABLE_POLICY_IDS } from './check-policies.ts';
export { checkConformance } from './conformance.ts';
export { type Segments, showSegments } from './segments.ts';
export { type Discrepancy, type DiscrepancyCode, formatDiscrepancy } from './types.ts';
