import { describe, expect, it } from 'vitest';
import {
  compromisedIamCredentials,
  playbooks,
  renderPlaybookMarkdown,
  rootUserActivity,
  securityServiceTampering,
} from './index.ts';

describe('renderPlaybookMarkdown', () => {
  it('renders the header, the triggers and every step in order', () => {
    const md = renderPlaybookMarkdown(compromisedIamCredentials);
    expect(md.startsWith('# Compromised IAM credentials (access key or role session)\n')).toBe(true);
    expect(md).toContain('- Severity: HIGH');
    expect(md).toContain('- Run as: permission set `IncidentResponder`');
    expect(md).toContain('- Applies to: `/`');
    expect(md).toContain('`UnauthorizedAccess:IAMUser/MaliciousIPCaller`');
    expect(md).toContain('- CloudTrail events: `iam.amazonaws.com CreateAccessKey`');
    const numbered = md.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(numbered).toHaveLength(compromisedIamCredentials.steps.length);
    compromisedIamCredentials.steps.forEach((step, i) => {
      expect(numbered[i]).toContain(`${i + 1}. **${step.title}**`);
    });
  });

  it('shows the request context and marks escalations with their reason', () => {
    const md = renderPlaybookMarkdown(compromisedIamCredentials);
    expect(md).toContain('`iam:PolicyARN = arn:aws:iam::aws:policy/AWSDenyAll`');
    expect(md).toContain('**Revoke only the sessions issued before now, then lift AWSDenyAll** — _escalate_');
    expect(md).toContain('Escalate to `arn:aws:iam::*:role/break-glass`. By design: IAM cannot restrict');
    const tampering = renderPlaybookMarkdown(securityServiceTampering);
    expect(tampering).toContain('**Restart CloudTrail logging and the Config recorder**');
    expect(tampering).not.toContain('Permission gap');
  });

  it('shows the quarantine step as the orgops command to run, and who runs it', () => {
    const md = renderPlaybookMarkdown(rootUserActivity);
    expect(md).toContain(
      '**If root acted successfully in a member account, quarantine the account** — _orgops_',
    );
    expect(md).toContain(
      '   - Run: `orgops quarantine ACCOUNT --reason "…" --playbook root-user-activity` with `arn:aws:iam::*:role/orgops-apply` or `arn:aws:iam::*:role/break-glass` in the management account',
    );
    expect(md).toContain('`organizations:MoveAccount`');
  });

  it('labels a permission gap as pending a fix', () => {
    const step = securityServiceTampering.steps.find((s) => s.kind === 'escalate')!;
    const gap = {
      ...securityServiceTampering,
      steps: [{ ...step, because: 'permission-gap' as const, reason: 'missing X' }],
    };
    expect(renderPlaybookMarkdown(gap)).toContain('Permission gap (fix pending): missing X');
  });

  it('leaves out empty trigger lists', () => {
    const ec2 = playbooks.find((p) => p.id === 'guardduty-ec2-compromise');
    expect(ec2).toBeDefined();
    const md = renderPlaybookMarkdown(ec2!);
    expect(md).not.toContain('Security Hub controls');
    expect(md).not.toContain('CloudTrail events');
    expect(md).toContain('GuardDuty finding types');
  });
});
