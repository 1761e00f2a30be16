/** Types for workflow-rules.mjs (plain JavaScript so the lint runs with node alone). */
export declare const RULES: Readonly<Record<string, (workflow: unknown, text: string) => string[]>>;
export declare function lintWorkflow(text: string): string[];
