import { isOuPathWithin, joinOuPath } from '@orgops/model';

/**
 * Addresses name every resource a change touches, by natural key. They are stable across runs, so
 * a saved plan's observed-object digests can be checked against a fresh read at apply time.
 */
export const address = {
  policyType: (type: string): string => `policy-type/${type}`,
  trustedService: (principal: string): string => `trusted-service/${principal}`,
  delegatedAdmin: (principal: string, email: string): string => `delegated-admin/${principal}/${email}`,
  ou: (path: string): string => `ou${path}`,
  account: (email: string): string => `account/${email}`,
  policy: (type: string, name: string): string => `policy/${type}/${name}`,
  attachment: (type: string, name: string, target: string): string => `attachment/${type}/${name}@${target}`,
  permissionSet: (name: string): string => `permission-set/${name}`,
  provision: (name: string): string => `provision/${name}`,
  assignment: (principalType: string, principalName: string, permissionSet: string, email: string): string =>
    `assignment/${principalType}:${principalName}/${permissionSet}/${email}`,
};

/** Path of the OU named `name` under `parent` (`/` is the root); `/` in a name is escaped. */
export const joinPath = joinOuPath;

/** True when `path` is `ancestor` or lies below it. */
export const isWithin = isOuPathWithin;
