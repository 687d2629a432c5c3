// Writes web/admin/src/api/generated.ts from the server's route schemas (`npm run generate:api-types`);
// src/server/api-types.test.ts fails while it is not current.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateApiTypes } from '../src/server/test-support/generate-api-types.js';

const target = fileURLToPath(new URL('../web/admin/src/api/generated.ts', import.meta.url));
writeFileSync(target, await generateApiTypes());
process.stderr.write(`wrote ${target}\n`);
