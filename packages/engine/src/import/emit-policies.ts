import { policyTypeLabel, RCP, SCP } from '@orgops/model';
import { FILES } from './emit-organization.ts';
import type { ImportedOrganization, ImportedPolicy } from './imported-organization.ts';
import { documentShape } from './policy-shape.ts';
import { SourceFile } from './source-file.ts';
import { type Code, call, jsonCode, obj, str, tagsCode } from './ts-code.ts';

/** policies.ts: every managed policy, grouped by type, documents as object literals. */
export function emitPolicies(org: ImportedOrganization): SourceFile | undefined {
  if (!org.policies.length) return undefined;
  const file = new SourceFile(FILES.policies);
  let type: string | undefined;
  for (const p of org.policies) {
    if (p.policy.type !== type) {
      type = p.policy.type;
      file.section(sectionTitle(type));
    }
    if (p.awsManaged) emitAwsManaged(file, p);
    else emitPolicy(file, p);
  }
  return file;
}

function emitPolicy(file: SourceFile, p: ImportedPolicy): void {
  const { content, shape } = parseContent(p.policy.content);
  const options = obj([
    ['name', str(p.policy.name)],
    ['description', p.policy.description ? str(p.policy.description) : undefined],
    ['content', content],
    ['tags', tagsCode(p.policy.tags)],
  ]);
  const comment = p.attached
    ? []
    : ['Attached nowhere: listed in defineOrganization({ policies }) so it stays managed.'];
  if (p.policy.type === SCP && shape === 'identity') {
    file
      .model('serviceControlPolicy')
      .exportConst(p.ident, call('serviceControlPolicy', options), { comment });
  } else if (p.policy.type === RCP && shape === 'resource-control') {
    file
      .model('resourceControlPolicy')
      .exportConst(p.ident, call('resourceControlPolicy', options), { comment });
  } else {
    file.model('policy').exportConst(p.ident, call('policy', str(p.policy.type), options), { comment });
  }
}

/** AWS-managed policies are matched by id and never written, so the literal only has to name them. */
function emitAwsManaged(file: SourceFile, p: ImportedPolicy): void {
  const code = obj([
    ['kind', str('policy')],
    ['type', str(p.policy.type)],
    ['name', str(p.policy.name)],
    ['description', str(p.policy.description)],
    ['content', parseContent(p.policy.content).content],
    ['awsManaged', obj([['id', str(p.policy.id)]])],
  ]);
  file.modelType('OrganizationPolicy').exportConst(p.ident, code, {
    type: 'OrganizationPolicy',
    comment: ['AWS-managed: referenced by id, never created or changed.'],
  });
}

/** The document as a literal when it is JSON (key order kept), otherwise the text as stored. */
function parseContent(text: string): { content: Code; shape: ReturnType<typeof documentShape> | 'text' } {
  try {
    const doc: unknown = JSON.parse(text);
    return { content: jsonCode(doc, 2), shape: documentShape(doc) };
  } catch {
    return { content: str(text), shape: 'text' };
  }
}

/** `Service control policies`-style heading for a policy type. */
function sectionTitle(type: string): string {
  if (type === SCP) return 'Service control policies';
  if (type === RCP) return 'Resource control policies';
  const label = policyTypeLabel(type);
  if (label === type) return type;
  const plural = /\bpolicy\b/.test(label) ? label.replace(/\bpolicy\b/, 'policies') : `${label}s`;
  return plural.charAt(0).toUpperCase() + plural.slice(1);
}
