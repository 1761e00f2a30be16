import { OrgopsError, QUARANTINE_COMMAND, type QuarantineRunbook } from '@orgops/model';

/** The playbooks of the config that contain an account with `orgops quarantine`. */
export function quarantinePlaybooks(playbooks: readonly QuarantineRunbook[]): QuarantineRunbook[] {
  return playbooks.filter((p) => p.steps.some((s) => s.command === QUARANTINE_COMMAND));
}

/**
 * The playbook `--playbook ID` names, checked before anything changes: it must exist and have a
 * quarantine step, or its "next steps" would mean nothing.
 */
export function choosePlaybook(playbooks: readonly QuarantineRunbook[], id: string): QuarantineRunbook {
  const playbook = playbooks.find((p) => p.id === id);
  const usable = quarantinePlaybooks(playbooks).map((p) => p.id);
  if (!playbook || !usable.includes(id)) {
    throw new OrgopsError(
      'quarantine-playbook-unknown',
      `${playbook ? `Playbook ${JSON.stringify(id)} has no quarantine step` : `No playbook ${JSON.stringify(id)} in the config`} (quarantine.playbooks). Playbooks that quarantine an account: ${usable.length ? usable.join(', ') : 'none'}.`,
    );
  }
  return playbook;
}

/** The steps after the playbook's quarantine step, numbered as in the playbook, with why. */
export function nextSteps(playbook: QuarantineRunbook): { readonly title: string; readonly why?: string }[] {
  const at = playbook.steps.findIndex((s) => s.command === QUARANTINE_COMMAND);
  return playbook.steps.slice(at + 1).map((s, i) => {
    const who =
      s.kind === 'escalate' ? 'escalate to break-glass' : s.kind === 'respond' ? 'responder' : s.kind;
    return { title: `${at + 2 + i}. ${s.title} [${who}]`, ...(s.why ? { why: s.why } : {}) };
  });
}
