// Regenerates plan.schema.json from the zod schema the plan loader checks (plan-file/plan-schema.ts).
// Run with `pnpm --filter @orgops/engine plan-schema`; a test fails while the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { planJsonSchemaText } from '../src/plan-file/plan-schema.ts';

const file = new URL('../plan.schema.json', import.meta.url);
writeFileSync(file, planJsonSchemaText());
process.stdout.write(`wrote ${file.pathname}\n`);
