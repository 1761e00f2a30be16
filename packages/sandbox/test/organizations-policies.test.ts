import { policyTypeLimits } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { doc, expectAwsError, MGMT, RCP, ROOT, rcpDoc, SCP, sandbox, TAG_POLICY_DOC } from './helpers.ts';

const scp = (name: string, content = doc()) => ({ type: SCP, name, description: '', content, tags: {} });

describe('policies', () => {
  it('creates a policy with a valid id and refuses a duplicate name of the same type', async () => {
    const sb = sandbox();
    const p = await sb.organizations.createPolicy(scp('deny-s3'));
    expect(p.id).toMatch(/^p-[0-9a-zA-Z_]{8,128}$/);
    await expectAwsError(sb.organizations.createPolicy(scp('deny-s3')), 'DuplicatePolicyException');
    await sb.organizations.createPolicy({ ...scp('deny-s3'), type: 'TAG_POLICY', content: TAG_POLICY_DOC });
  });

  it('measures the document in characters as sent (POLICY_CONTENT_LIMIT_EXCEEDED)', async () => {
    const sb = sandbox();
    const max = policyTypeLimits(SCP).maxDocumentChars;
    const base = doc('s3:GetObject');
    const padded = (n: number) => base.replace('"s3:GetObject"', `"s3:GetObject${'x'.repeat(n)}"`);
    const fits = padded(max - base.length);
    expect(fits.length).toBe(max);
    await sb.organizations.createPolicy(scp('at-limit', fits));
    await expectAwsError(
      sb.organizations.createPolicy(scp('over-limit', padded(max - base.length + 1))),
      'ConstraintViolationException',
      'POLICY_CONTENT_LIMIT_EXCEEDED',
    );
    // Whitespace counts: the pretty-printed form of a fitting document may not fit.
    const pretty = JSON.stringify(JSON.parse(fits), null, 2);
    await expectAwsError(
      sb.organizations.createPolicy(scp('pretty', pretty)),
      'ConstraintViolationException',
      'POLICY_CONTENT_LIMIT_EXCEEDED',
    );
    await expectAwsError(
      sb.organizations.createPolicy(scp('bad', 'not json')),
      'MalformedPolicyDocumentException',
    );
  });

  it('refuses what AWS refuses: each policy type is checked against its own grammar (MalformedPolicyDocumentException)', async () => {
    const sb = sandbox();
    const text = (v: unknown) => JSON.stringify(v);
    const malformed: [string, string, RegExp][] = [
      // Issue 12: `Actions` instead of `Action` in an SCP.
      [
        SCP,
        text({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Actions: 'kms:*', Resource: '*' }] }),
        /did you mean Action\?/,
      ],
      [
        SCP,
        text({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' }],
        }),
        /Principal/,
      ],
      [
        SCP,
        text({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotAction: [], Resource: '*' }] }),
        /empty NotAction/,
      ],
      [RCP, doc(), /no Principal/],
      [
        RCP,
        text({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }],
        }),
        /deny-only/,
      ],
      ['TAG_POLICY', text({ tags: { costcenter: { tag_key: 'CostCenter' } } }), /inheritance operator/],
    ];
    for (const [type, content, message] of malformed) {
      const err = await sb.organizations
        .createPolicy({ type, name: 'bad', description: '', content, tags: {} })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(err, content).toMatchObject({
        code: 'MalformedPolicyDocumentException',
        message: expect.stringMatching(message),
      });
    }
    expect(sb.exportState().policies.filter((p) => p.name === 'bad')).toEqual([]);
    // AWS stores a condition that can never match; only validation refuses it.
    const neverMatches = text({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Action: 's3:*',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'flase' } },
        },
      ],
    });
    await sb.organizations.createPolicy(scp('stored', neverMatches));
  });

  it('refuses a malformed update and keeps the stored document', async () => {
    const sb = sandbox();
    const p = await sb.organizations.createPolicy(scp('guard'));
    const bad = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'kms:*', Resource: 'my-key' }],
    });
    await expectAwsError(
      sb.organizations.updatePolicy({ policyId: p.id, content: bad }),
      'MalformedPolicyDocumentException',
    );
    expect(await sb.organizations.describePolicy(p.id)).toMatchObject({ content: doc() });
  });

  it('treats AWS-managed policies as immutable', async () => {
    const sb = sandbox();
    await expectAwsError(
      sb.organizations.updatePolicy({ policyId: 'p-FullAWSAccess', name: 'x' }),
      'InvalidInputException',
      'IMMUTABLE_POLICY',
    );
    await expectAwsError(
      sb.organizations.deletePolicy('p-FullAWSAccess'),
      'InvalidInputException',
      'IMMUTABLE_POLICY',
    );
  });

  it('updates name and content, refusing a rename onto an existing name', async () => {
    const sb = sandbox();
    const a = await sb.organizations.createPolicy(scp('a'));
    await sb.organizations.createPolicy(scp('b'));
    await expectAwsError(
      sb.organizations.updatePolicy({ policyId: a.id, name: 'b' }),
      'DuplicatePolicyException',
    );
    await sb.organizations.updatePolicy({ policyId: a.id, name: 'c', content: doc('ec2:*') });
    expect(await sb.organizations.describePolicy(a.id)).toMatchObject({ name: 'c', content: doc('ec2:*') });
  });

  it('refuses to delete an attached policy (PolicyInUseException)', async () => {
    const sb = sandbox();
    const p = await sb.organizations.createPolicy(scp('guard'));
    await sb.organizations.attachPolicy(p.id, ROOT);
    await expectAwsError(sb.organizations.deletePolicy(p.id), 'PolicyInUseException');
    await sb.organizations.detachPolicy(p.id, ROOT);
    await sb.organizations.deletePolicy(p.id);
    await expectAwsError(sb.organizations.describePolicy(p.id), 'PolicyNotFoundException');
  });
});

describe('attachments', () => {
  it('refuses a duplicate attachment and detaching what is not attached', async () => {
    const sb = sandbox();
    const p = await sb.organizations.createPolicy(scp('guard'));
    await sb.organizations.attachPolicy(p.id, MGMT);
    await expectAwsError(sb.organizations.attachPolicy(p.id, MGMT), 'DuplicatePolicyAttachmentException');
    await expectAwsError(sb.organizations.detachPolicy(p.id, ROOT), 'PolicyNotAttachedException');
    await expectAwsError(sb.organizations.attachPolicy(p.id, '123456789012'), 'TargetNotFoundException');
  });

  it('refuses to detach the last SCP from a target (MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED)', async () => {
    const sb = sandbox();
    await expectAwsError(
      sb.organizations.detachPolicy('p-FullAWSAccess', ROOT),
      'ConstraintViolationException',
      'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    );
    const p = await sb.organizations.createPolicy(scp('replacement'));
    await sb.organizations.attachPolicy(p.id, ROOT);
    await sb.organizations.detachPolicy('p-FullAWSAccess', ROOT);
    expect((await sb.organizations.listPoliciesForTarget(ROOT, SCP)).map((x) => x.name)).toEqual([
      'replacement',
    ]);
  });

  it('allows the per-target maximum from the limits table and refuses one more', async () => {
    const sb = sandbox();
    const max = policyTypeLimits(SCP).maxPerTarget;
    for (let i = 1; i < max; i++) {
      const p = await sb.organizations.createPolicy(scp(`p${i}`));
      await sb.organizations.attachPolicy(p.id, ROOT);
    }
    expect(await sb.organizations.listPoliciesForTarget(ROOT, SCP)).toHaveLength(max);
    const extra = await sb.organizations.createPolicy(scp('extra'));
    await expectAwsError(
      sb.organizations.attachPolicy(extra.id, ROOT),
      'ConstraintViolationException',
      'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    );
  });
});

describe('policy types', () => {
  it('requires the type to be enabled before attaching', async () => {
    const sb = sandbox();
    const tag = await sb.organizations.createPolicy({
      type: 'TAG_POLICY',
      name: 'tags',
      description: '',
      content: TAG_POLICY_DOC,
      tags: {},
    });
    await expectAwsError(sb.organizations.attachPolicy(tag.id, ROOT), 'PolicyTypeNotEnabledException');
    await sb.organizations.enablePolicyType(ROOT, 'TAG_POLICY');
    await sb.organizations.attachPolicy(tag.id, ROOT);
    await expectAwsError(
      sb.organizations.enablePolicyType(ROOT, 'TAG_POLICY'),
      'PolicyTypeAlreadyEnabledException',
    );
  });

  it('attaches RCPFullAWSAccess everywhere on enable; it cannot be detached and counts toward the 5', async () => {
    const sb = sandbox();
    const ou = await sb.organizations.createOrganizationalUnit(ROOT, 'Workloads', {});
    await sb.organizations.enablePolicyType(ROOT, RCP);
    const targets = (await sb.organizations.listTargetsForPolicy('p-RCPFullAWSAccess'))
      .map((t) => t.targetId)
      .sort();
    expect(targets).toEqual([ROOT, ou.id, MGMT].sort());
    const extra = await sb.organizations.createPolicy({
      type: RCP,
      name: 'r0',
      description: '',
      content: rcpDoc(),
      tags: {},
    });
    await sb.organizations.attachPolicy(extra.id, ROOT);
    await expectAwsError(
      sb.organizations.detachPolicy('p-RCPFullAWSAccess', ROOT),
      'InvalidInputException',
      'NON_DETACHABLE_POLICY',
    );
    for (let i = 1; i < policyTypeLimits(RCP).maxPerTarget - 1; i++) {
      const p = await sb.organizations.createPolicy({
        type: RCP,
        name: `r${i}`,
        description: '',
        content: rcpDoc(),
        tags: {},
      });
      await sb.organizations.attachPolicy(p.id, ROOT);
    }
    const over = await sb.organizations.createPolicy({
      type: RCP,
      name: 'over',
      description: '',
      content: rcpDoc(),
      tags: {},
    });
    await expectAwsError(
      sb.organizations.attachPolicy(over.id, ROOT),
      'ConstraintViolationException',
      'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    );
  });

  it('detaches every policy of a type when it is disabled; re-enabling attaches only the default', async () => {
    const sb = sandbox();
    const p = await sb.organizations.createPolicy(scp('guard'));
    await sb.organizations.attachPolicy(p.id, MGMT);
    await sb.organizations.disablePolicyType(ROOT, SCP);
    expect(await sb.organizations.listTargetsForPolicy(p.id)).toEqual([]);
    expect(await sb.organizations.listTargetsForPolicy('p-FullAWSAccess')).toEqual([]);
    await expectAwsError(sb.organizations.disablePolicyType(ROOT, SCP), 'PolicyTypeNotEnabledException');
    await sb.organizations.enablePolicyType(ROOT, SCP);
    expect(await sb.organizations.listTargetsForPolicy(p.id)).toEqual([]);
    expect(
      (await sb.organizations.listTargetsForPolicy('p-FullAWSAccess')).map((t) => t.targetId).sort(),
    ).toEqual([MGMT, ROOT].sort());
  });
});
