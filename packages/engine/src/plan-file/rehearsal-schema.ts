import * as z from 'zod';
import { PHASES } from '../plan.ts';
import type { PlanRehearsal } from '../rehearsal.ts';
import { ACTIONS } from './change-schema.ts';
import type { SchemaMatches } from './schema-types.ts';

const count = z.number().int().nonnegative();

/** The schema of a plan's rehearsal (`orgops plan --rehearse`); the check below keeps it equal to the type. */
export const rehearsalSchema = z
  .strictObject({
    changesDigest: z
      .string()
      .regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 digest (64 hex digits)' })
      .describe('changesDigest of the changes rehearsed; must be the plan’s own.'),
    outcome: z.enum(['converges', 'refused', 'does-not-converge']),
    applied: count,
    skipped: count,
    notRehearsed: count,
    refusals: z.array(
      z.strictObject({
        phase: z.enum(PHASES),
        address: z.string(),
        action: z.enum(ACTIONS),
        operation: z.string().optional(),
        code: z.string(),
        reason: z.string().optional(),
        message: z.string(),
        fix: z.string(),
      }),
    ),
    leftOver: z.array(
      z.strictObject({
        address: z.string(),
        action: z.union([z.enum(ACTIONS), z.literal('refused')]),
        message: z.string().optional(),
      }),
    ),
    assumptions: z.array(z.string()),
  })
  .meta({
    id: 'Rehearsal',
    description:
      'The plan applied to a twin of the organization (a sandbox seeded from the snapshot), then planned again. Present only when a rehearsal ran.',
  });

const rehearsalMatches: SchemaMatches<typeof rehearsalSchema, PlanRehearsal> = true;
void rehearsalMatches;
