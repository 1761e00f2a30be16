/**
 * Regions this organization works in: the primary Region (also home of Identity Center and the
 * organization trail) and one for EU data residency. Adding a Region means extending security
 * service coverage there first.
 */
export const ALLOWED_REGIONS: readonly string[] = ['us-east-1', 'eu-west-1'];
