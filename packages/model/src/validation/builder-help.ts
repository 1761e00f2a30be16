/** The builder that creates each `kind`, for fix texts: plain objects are where most shape errors come from. */
export const BUILDER_FOR_KIND: Readonly<Record<string, string>> = {
  organization: 'defineOrganization({...})',
  root: 'organizationRoot({...})',
  ou: "organizationalUnit('Name', { parent })",
  account: 'account({...}) or managementAccount({...})',
  policy: 'serviceControlPolicy({...}), resourceControlPolicy({...}) or policy(type, {...})',
  'permission-set': 'permissionSet({...})',
  principal: "group('Name') or user('name')",
  assignment: 'assign(principal, permissionSet, targets)',
  'trusted-service': "trustedService('service.amazonaws.com')",
  tag: "accountsTagged('key', 'value')",
};
