import { OrgopsError } from '@orgops/model';

/**
 * The policy variable for "the organization that owns the resource". In an RCP it makes the
 * perimeter self-referencing, so the same policy works in any organization (and in the sandbox)
 * without hard-coding an `o-…` id that would deny everyone if it were wrong.
 *
 * Trade-off: when a request carries no `aws:ResourceOrgID`, the variable has no value and the
 * comparison cannot match, so the Deny does not apply: the perimeter fails open for exactly those
 * requests (the simulation tables show it). AWS's own data-perimeter examples name the
 * organization id instead, which fails closed. Choose the id when you know it.
 */
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JS template.
export const RESOURCE_ORGANIZATION = '${aws:ResourceOrgID}';

const ORG_ID = /^o-[a-z0-9]{10,32}$/;

/**
 * Checks the required organization id option: an `o-…` id (fails closed, as AWS's examples) or,
 * explicitly, {@link RESOURCE_ORGANIZATION} (portable, fails open without `aws:ResourceOrgID`).
 */
export function checkedOrganizationId(guardrail: string, id: string | undefined): string {
  if (id === undefined || (id !== RESOURCE_ORGANIZATION && !ORG_ID.test(id))) {
    throw new OrgopsError(
      'guardrail-options-invalid',
      `${guardrail}: organizationId ${id === undefined ? 'is required' : `"${id}" is not an organization id`}: ` +
        `give your o- id (o- and 10–32 lower-case letters or digits; \`orgops plan\` prints it), or ` +
        `RESOURCE_ORGANIZATION (${RESOURCE_ORGANIZATION}) to accept that requests without aws:ResourceOrgID pass.`,
    );
  }
  return id;
}

const ACCOUNT_ID = /^\d{12}$/;

/** Checks 12-digit account ids. */
export function checkedAccountIds(guardrail: string, ids: readonly string[]): readonly string[] {
  const bad = ids.filter((id) => !ACCOUNT_ID.test(id));
  if (bad.length > 0) {
    throw new OrgopsError(
      'guardrail-options-invalid',
      `${guardrail}: ${bad.map((id) => `"${id}"`).join(', ')} must be 12-digit account ids.`,
    );
  }
  return [...new Set(ids)].sort();
}
