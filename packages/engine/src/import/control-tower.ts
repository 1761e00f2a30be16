/**
 * AWS Control Tower owns some organization resources and rewrites them on every landing-zone update;
 * orgops must leave them alone, so the import lists them under `ignore` instead of emitting them.
 * OUs and accounts enrolled in Control Tower stay managed: their structure is the organization's.
 */
export const CONTROL_TOWER_IGNORE = {
  /** Guardrail (control) policies Control Tower attaches: SCPs, RCPs and declarative policies. */
  policies: ['aws-guardrails-*'],
  /** Permission sets Control Tower and its Account Factory (Service Catalog) create. */
  permissionSets: ['AWSControlTower*', 'AWSServiceCatalog*'],
} as const;
