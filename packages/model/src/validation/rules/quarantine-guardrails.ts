import { pathOf } from '../../organization-unit.ts';
import { SCP } from '../../policy.ts';
import { quoted } from '../messages.ts';
import type { Finding } from '../rule.ts';
import { defineRule } from '../rule.ts';

export const quarantineGuardrails = defineRule(
  {
    code: 'quarantine-guardrails',
    severity: 'error',
    description:
      "The quarantine guardrails include an SCP and are each in the quarantine OU's own `policies`.",
  },
  ({ config }) => {
    const q = config.quarantine;
    if (!q) return [];
    const ou = q.organizationalUnit;
    const out: Finding[] = [];
    if (!q.guardrails.some((p) => p.type === SCP)) {
      out.push({
        message: `The quarantine names ${q.guardrails.length === 0 ? 'no guardrails' : `only ${q.guardrails.map((p) => quoted(p.name)).join(', ')}`}; without an SCP nothing stops the principals inside a quarantined account.`,
        path: 'quarantine.guardrails',
        site: q.site,
        value: q.guardrails.map((p) => p.name),
        fix: 'Add a deny-all SCP (denyAll() from @orgops/guardrails, exempting only break-glass) to the guardrails and to the OU.',
      });
    }
    const own = new Set(ou.policies.map((p) => `${p.type}/${p.name}`));
    for (const [i, p] of q.guardrails.entries()) {
      if (own.has(`${p.type}/${p.name}`)) continue;
      out.push({
        message: `Quarantine guardrail ${quoted(p.name)} is not in the policies of the quarantine OU ${pathOf(ou)}: the next plan would detach what \`orgops quarantine\` attaches.`,
        path: `quarantine.guardrails[${i}]`,
        site: q.site,
        value: p.name,
        fix: `Add it to the policies of organizationalUnit('${ou.name}', { policies: [...] }).`,
      });
    }
    return out;
  },
);
