import type { Playbook, PlaybookStep } from './types.ts';

const code = (s: string): string => `\`${s}\``;

function list(label: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`- ${label}: ${items.map(code).join(', ')}`];
}

function renderStep(step: PlaybookStep, index: number, playbookId: string): string[] {
  const mark = step.kind === 'escalate' ? ' — _escalate_' : step.kind === 'orgops' ? ' — _orgops_' : '';
  const lines = [`${index + 1}. **${step.title}**${mark}`];
  lines.push(`   - Why: ${step.why}`);
  lines.push(`   - IAM actions: ${step.actions.map(code).join(', ')}`);
  const context = Object.entries(step.context ?? {});
  if (context.length > 0) {
    lines.push(`   - Request context: ${context.map(([k, v]) => code(`${k} = ${v}`)).join(', ')}`);
  }
  if (step.kind === 'orgops') {
    lines.push(
      `   - Run: ${code(`orgops ${step.command} ACCOUNT --reason "…" --playbook ${playbookId}`)} with ${step.runWith.map(code).join(' or ')} in the management account`,
    );
  }
  if (step.kind === 'escalate') {
    const label = step.because === 'permission-gap' ? 'Permission gap (fix pending)' : 'By design';
    lines.push(`   - Escalate to ${code(step.escalateTo)}. ${label}: ${step.reason}`);
  }
  return lines;
}

/**
 * The playbook as a Markdown runbook, for a wiki page or a ticket template. Pure: returns the
 * text and writes nothing.
 */
export function renderPlaybookMarkdown(playbook: Playbook): string {
  const { guardDutyFindingTypes, securityHubControls, cloudTrailEvents } = playbook.trigger;
  const lines = [
    `# ${playbook.title}`,
    '',
    `- Id: ${code(playbook.id)}`,
    `- Severity: ${playbook.severity}`,
    `- Run as: permission set ${code(playbook.runAs.name)}`,
    `- Applies to: ${playbook.appliesTo.map((p) => code(p)).join(', ')}`,
    '',
    '## Trigger',
    '',
    ...list('GuardDuty finding types', guardDutyFindingTypes),
    ...list('Security Hub controls', securityHubControls),
    ...list(
      'CloudTrail events',
      cloudTrailEvents.map((e) => `${e.eventSource} ${e.eventName}`),
    ),
    '',
    '## Steps',
    '',
    ...playbook.steps.flatMap((step, i) => renderStep(step, i, playbook.id)),
    '',
  ];
  return lines.join('\n');
}
