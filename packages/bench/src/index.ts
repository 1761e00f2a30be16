export { renderMarkdown } from './report.ts';
export { type BenchOptions, type BenchResult, type OrganizationResult, runBench } from './run-bench.ts';
export { assignmentCount, type OrgShape, SHAPES, type ShapeName } from './shape.ts';
