import { OrgopsError } from '@orgops/model';

/**
 * The policy variable for "the organization that owns the resource". In an RCP it makes the
 * perimeter self-referencing, so the same policy works in any organization (and in the sandbox)
 * without hard-coding an `o-…` id that would deny everyone if it were wrong. AWS's S3 and Macie
 * documentation use this form.
 */
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JS template.
export const RESOURCE_ORGANIZATION = '${aws:ResourceOrgID}';

const ORG_ID = /^o-[a-z0-9]{10,32}$/;

/** Checks an organization id option: an `o-…` id or {@link RESOURCE_ORGANIZATION}. */
export function checkedOrganizationId(guardrail: string, id: string | undefined): string {
  const value = id ?? RESOURCE_ORGANIZATION;
  if (value !== RESOURCE_ORGANIZATION && !ORG_ID.test(value)) {
    throw new OrgopsError(
      'guardrail-options-invalid',
      `${guardrail}: organizationId "${value}" is not an organization id (o- and 10–32 lower-case letters or digits). ` +
        `Omit it to use ${RESOURCE_ORGANIZATION}.`,
    );
  }
  return value;
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
