/**
 * The brownfield round trip against a real moto_server through the real SDK: an organization
 * built by hand over the years (200 accounts, 20 OUs, 30 SCPs, 10 permission sets, 500
 * assignments) is imported with generateConfig, the generated config plans to nothing, console
 * edits are reported as drift with the right class and applied away, an apply that crashes part
 * way loses nothing and converges, and the read's cost is pinned per operation.
 *
 * What moto cannot show: it provisions permission sets to the caller's account only and answers
 * every provisioning and assignment request SUCCEEDED at once, so IN_PROGRESS polling, per-account
 * provisioning and outdated roles are not exercised here (see moto-gaps.mock.test.ts and the
 * sandbox tests); and it never pages ListTargetsForPolicy (AWS would, for FullAWSAccess).
 */

// The phases are split by concept (import-phase.ts, lint-phase.ts, read-cost-phase.ts,
// drift-phase.ts, crash-phase.ts) but run from this one file: they share one seeded organization
// (seeding 200 accounts and 500 assignments is most of the run's time), the later phases use the
// config the import phase produced, and drift and crash edit the organization in turn. As separate
// test files each would seed its own moto, in parallel with the others.

import { useBrownfield } from './brownfield-run.ts';
import { describeCrash } from './crash-phase.ts';
import { describeDrift } from './drift-phase.ts';
import { describeSeedAndImport } from './import-phase.ts';
import { describeLint } from './lint-phase.ts';
import { describeReadCost } from './read-cost-phase.ts';

const run = useBrownfield();
describeSeedAndImport(run);
describeLint(run);
describeReadCost(run);
describeDrift(run);
describeCrash(run);
