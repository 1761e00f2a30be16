/**
 * One catalogue entry: whose move it is, what the code means and what usually fixes it. `kind`
 * is the `source` an `OrgopsError` with this code gets unless the throw site says otherwise.
 */
export interface ErrorCodeEntry {
  readonly kind: 'user' | 'internal';
  readonly meaning: string;
  readonly fix: string;
}
