import * as z from 'zod';
import type { ReviewContext } from '../analysis/review-context.ts';
import type { PlanAnalysis } from '../analysis/types.ts';
import { accountRef, principalRef, tags } from './change-schema.ts';
import type { SchemaMatches } from './schema-types.ts';

/**
 * Schemas of the review parts of a plan file: the review context the review is recomputed from,
 * and the stored review itself. The checks at the bottom keep them equal to the TypeScript types.
 */

const customerManagedPolicy = z.strictObject({ name: z.string(), path: z.string() });
const grantFields = {
  sessionDuration: z.string(),
  inlinePolicy: z.string().optional(),
  managedPolicies: z.array(z.string()),
  customerManagedPolicies: z.array(customerManagedPolicy),
  permissionsBoundary: z
    .union([z.strictObject({ managedPolicyArn: z.string() }), z.strictObject({ customerManagedPolicy })])
    .optional(),
};
const principalType = z.enum(['GROUP', 'USER']);

export const reviewContextSchema = z
  .strictObject({
    desired: z.strictObject({
      ous: z.array(z.strictObject({ path: z.string() })),
      accounts: z.array(
        z.strictObject({
          email: z.string(),
          name: z.string(),
          id: z.string().optional(),
          parentPath: z.string(),
          tags,
          close: z.strictObject({ reason: z.string() }).optional(),
          management: z.boolean().optional(),
          held: z
            .strictObject({
              reason: z.string().optional(),
              at: z.string().optional(),
              by: z.string().optional(),
              quarantinePath: z.string(),
              declaredPath: z.string(),
              problem: z.enum(['not-recorded', 'entry-outdated', 'release-mismatch']).optional(),
              waiting: z.array(z.string()),
            })
            .optional(),
        }),
      ),
      policies: z.array(z.strictObject({ type: z.string(), name: z.string(), content: z.string() })),
      attachments: z.array(
        z.strictObject({ policyType: z.string(), policyName: z.string(), target: z.string() }),
      ),
      permissionSets: z.array(z.strictObject({ name: z.string(), ...grantFields })),
    }),
    snapshot: z.strictObject({
      organization: z.strictObject({ id: z.string() }).optional(),
      root: z.strictObject({ id: z.string() }),
      ous: z.array(z.strictObject({ id: z.string(), name: z.string(), parentId: z.string() })),
      accounts: z.array(
        z.strictObject({ id: z.string(), name: z.string(), email: z.string(), parentId: z.string(), tags }),
      ),
      policies: z.array(
        z.strictObject({
          id: z.string(),
          type: z.string(),
          name: z.string(),
          content: z.string(),
          targets: z.array(z.string()),
        }),
      ),
      identityCenter: z
        .strictObject({
          permissionSets: z.array(z.strictObject({ arn: z.string(), name: z.string(), ...grantFields })),
          assignments: z.array(
            z.strictObject({
              permissionSetArn: z.string(),
              accountId: z.string(),
              principalType,
              principalId: z.string(),
            }),
          ),
          principals: z.array(z.strictObject({ type: principalType, id: z.string(), name: z.string() })),
        })
        .optional(),
    }),
  })
  .meta({
    id: 'ReviewContext',
    description:
      'What the review needs beyond the changes: the OU tree and accounts in config and live, and the documents, assignments and principals the changes refer to.',
  });

const addresses = z.array(z.string()).optional();

export const analysisSchema = z
  .strictObject({
    access: z.array(
      z.strictObject({
        effect: z.enum(['gains', 'loses', 'changed']),
        principal: principalRef,
        permissionSet: z.string(),
        accounts: z.array(z.strictObject({ ...accountRef.shape, ouPath: z.string() })),
        details: z.array(z.string()).optional(),
        grants: z.string().optional(),
        addresses,
        possible: z.array(z.string()).optional(),
      }),
    ),
    guardrails: z.array(
      z.strictObject({
        target: z.string(),
        targetKind: z.enum(['root', 'ou', 'account']),
        accountsAffected: z.number().int().nonnegative(),
        items: z.array(
          z.strictObject({
            effect: z.enum(['added', 'removed', 'changed']),
            policyType: z.string(),
            policyName: z.string(),
            summary: z.string().optional(),
            addresses,
            effects: z.array(z.string()).optional(),
          }),
        ),
      }),
    ),
    risks: z.array(
      z.strictObject({
        level: z.enum(['high', 'medium', 'low']),
        code: z.string(),
        message: z.string(),
        addresses: z.array(z.string()),
      }),
    ),
  })
  .meta({
    id: 'Analysis',
    description:
      'The review as it was when the plan was made. Loading a plan recomputes it from the changes and the review context; views render the recomputed one.',
  });

const contextMatches: SchemaMatches<typeof reviewContextSchema, ReviewContext> = true;
const analysisMatches: SchemaMatches<typeof analysisSchema, PlanAnalysis> = true;
void contextMatches;
void analysisMatches;
