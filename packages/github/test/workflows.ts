import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKSPACE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const WORKFLOWS_DIR = join(WORKSPACE_ROOT, '.github', 'workflows');
