// The admin UI's types of the API (web/admin/src/api/generated.ts), generated from the OpenAPI
// document the server builds out of its route schemas.
import openapiTS, { astToString } from 'openapi-typescript';
import type { Store } from '../../store/index.js';
import { createApp } from '../create-app.js';

/** The TypeScript text of the API's paths and schemas. */
export async function generateApiTypes(): Promise<string> {
  // Describing the routes reads no data: no store is opened.
  const app = await createApp({ store: {} as Store });
  try {
    await app.ready();
    const document = app.swagger() as Parameters<typeof openapiTS>[0];
    const nodes = await openapiTS(document, { alphabetize: true });
    return `// Generated from the server's route schemas by \`npm run generate:api-types\`: do not edit.\n\n${astToString(nodes)}`;
  } finally {
    await app.close();
  }
}
