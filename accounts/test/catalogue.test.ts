import { RCP, SCP } from '@orgops/model';
import {
  policyActions,
  servicesWithoutRcpSupport,
  unknownActions,
  unknownConditionKeys,
} from '@orgops/simulate';
import { describe, expect, it } from 'vitest';
import { desired } from './example.ts';

const documents = [
  ...desired.policies
    .filter((p) => (p.type === SCP || p.type === RCP) && !p.awsManaged)
    .map((p) => [`${p.type === SCP ? 'SCP' : 'RCP'} ${p.name}`, p.content, p.type] as const),
  ...desired.permissionSets.flatMap((ps) =>
    ps.inlinePolicy ? [[`permission set ${ps.name}`, ps.inlinePolicy, 'inline'] as const] : [],
  ),
];

describe('every IAM action and condition key of the example organization exists in the catalogue', () => {
  it('has documents to check', () => {
    expect(documents.length).toBeGreaterThan(10);
  });

  it.each(documents)('%s', async (_name, content, type) => {
    expect(await unknownActions(policyActions(content))).toEqual([]);
    expect(await unknownConditionKeys(content)).toEqual([]);
    if (type === RCP) expect(await servicesWithoutRcpSupport(content)).toEqual([]);
  });
});
