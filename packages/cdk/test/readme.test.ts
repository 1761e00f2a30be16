import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../src/config.ts';
import { APPLY_ENVIRONMENT, PIPELINE_ROLES, REPOSITORY_VARIABLES } from '../src/github.ts';

const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md'), 'utf8');

describe('README', () => {
  it('documents every setting with its environment variable', () => {
    for (const s of Object.values(SETTINGS)) {
      expect(readme, s.key).toContain(`\`${s.key}\``);
      expect(readme, s.env).toContain(`\`${s.env}\``);
    }
  });

  it('names every output with its repository variable, the roles and the environment', () => {
    for (const { variable, output } of REPOSITORY_VARIABLES) {
      expect(readme).toContain(`| \`${output}\` | \`${variable}\` |`);
    }
    for (const role of Object.values(PIPELINE_ROLES)) expect(readme).toContain(`role \`${role}\``);
    expect(readme).toContain(`environment:${APPLY_ENVIRONMENT}`);
  });
});
