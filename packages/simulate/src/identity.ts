import { type DesiredState, OrgopsError } from '@orgops/model';

/** Ids a simulation needs that a config may not carry: the organization id and every account id. */
export interface SimulationIdentity {
  readonly organizationId: string;
  /** Account id by (lower-case) account email. */
  readonly accountIds: ReadonlyMap<string, string>;
}

export interface SimulationIdentityOptions {
  /** The organization id (`o-…`), e.g. from a live snapshot. Defaults to {@link PLACEHOLDER_ORGANIZATION_ID}. */
  readonly organizationId?: string;
  /** Account ids by email, e.g. from a live snapshot; they win over placeholders but not over ids in config. */
  readonly accountIds?: Readonly<Record<string, string>>;
}

/** Used when no organization id is given: any valid id works, since the chain decides, not the id. */
export const PLACEHOLDER_ORGANIZATION_ID = 'o-simulation00';

const ORG_ID = /^o-[a-z0-9]{10,32}$/;
const ACCOUNT_ID = /^\d{12}$/;

/**
 * The organization id and an id for every account. Accounts the config gives no id get a
 * placeholder derived from their email (FNV-1a), so adding an account never renumbers the others
 * and a test row written today names the same account tomorrow.
 *
 * @throws OrgopsError `simulation-identity-invalid` for a malformed id, or two accounts on one id.
 */
export function simulationIdentity(
  desired: DesiredState,
  options: SimulationIdentityOptions = {},
): SimulationIdentity {
  const organizationId = options.organizationId ?? PLACEHOLDER_ORGANIZATION_ID;
  if (!ORG_ID.test(organizationId)) {
    throw new OrgopsError(
      'simulation-identity-invalid',
      `organizationId "${organizationId}" is not an organization id (o- and 10–32 lower-case letters or digits).`,
    );
  }
  const given = new Map(Object.entries(options.accountIds ?? {}).map(([e, id]) => [e.toLowerCase(), id]));
  const accountIds = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const account of desired.accounts) {
    const id = account.id ?? given.get(account.email) ?? placeholderAccountId(account.email);
    if (!ACCOUNT_ID.test(id)) {
      throw new OrgopsError(
        'simulation-identity-invalid',
        `account ${account.name} (${account.email}): "${id}" is not a 12-digit account id.`,
      );
    }
    const other = owner.get(id);
    if (other !== undefined) {
      throw new OrgopsError(
        'simulation-identity-invalid',
        `accounts ${other} and ${account.email} would share the id ${id}; give one of them its id in accountIds.`,
      );
    }
    owner.set(id, account.email);
    accountIds.set(account.email, id);
  }
  return { organizationId, accountIds };
}

/** A stable 12-digit id for an account that has none yet (FNV-1a of the email, starting with 9). */
export function placeholderAccountId(email: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(email)) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  }
  // 9xxxxxxxxxxx: a leading 9 keeps placeholders apart from the sandbox's 1000000000xx ids.
  return `9${(hash % 100_000_000_000n).toString().padStart(11, '0')}`;
}
