import { OrgopsError, QUARANTINE_COMMAND } from '@orgops/model';
import type { Playbook } from './types.ts';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;

/**
 * A playbook, checked for shape at load time: kebab-case ids unique within the playbook, at least
 * one trigger, `service:Action` names without wildcards, at least one escalation step, and at most
 * one quarantine step (an `orgops` step running a command orgops has, with who runs it).
 *
 * @throws OrgopsError `playbook-invalid` naming the playbook and the first problem found.
 */
export function definePlaybook(playbook: Omit<Playbook, 'kind'>): Playbook {
  const fail = (problem: string): never => {
    throw new OrgopsError('playbook-invalid', `playbook ${JSON.stringify(playbook.id)}: ${problem}`);
  };
  if (!KEBAB.test(playbook.id)) fail('id must be kebab-case');
  const { guardDutyFindingTypes, securityHubControls, cloudTrailEvents } = playbook.trigger;
  if (guardDutyFindingTypes.length + securityHubControls.length + cloudTrailEvents.length === 0) {
    fail('needs at least one trigger (GuardDuty finding type, Security Hub control or CloudTrail event)');
  }
  if (playbook.appliesTo.length === 0) fail('appliesTo names no OU path');
  for (const path of playbook.appliesTo) {
    if (!path.startsWith('/')) fail(`appliesTo ${JSON.stringify(path)} is not an OU path (/, /Workloads…)`);
  }
  const seen = new Set<string>();
  for (const step of playbook.steps) {
    if (!KEBAB.test(step.id)) fail(`step id ${JSON.stringify(step.id)} must be kebab-case`);
    if (seen.has(step.id)) fail(`step id ${JSON.stringify(step.id)} is used twice`);
    seen.add(step.id);
    if (step.actions.length === 0) fail(`step ${step.id} names no IAM action`);
    for (const action of step.actions) {
      if (!ACTION.test(action)) fail(`step ${step.id}: ${JSON.stringify(action)} is not service:Action`);
    }
  }
  const orgops = playbook.steps.filter((s) => s.kind === 'orgops');
  for (const step of orgops) {
    if (step.command !== QUARANTINE_COMMAND)
      fail(`step ${step.id}: orgops has no command ${JSON.stringify(step.command)}`);
    if (step.runWith.length === 0) fail(`step ${step.id} names no role to run orgops ${step.command} with`);
  }
  if (orgops.length > 1) fail('quarantines an account in more than one step');
  if (!playbook.steps.some((s) => s.kind === 'escalate')) {
    fail('needs an escalation step: where the responder stops and break-glass takes over');
  }
  return { kind: 'playbook', ...playbook };
}
