// A minimal OpenAPI-to-tools converter for the runner's tests only (the real compiler is src/openapi):
// parameters and JSON body properties merged into one input schema, names made provider-safe.
import type { EvalTool } from '../decide-case.js';

type Node = Record<string, unknown>;

/** Converts the few shapes the test fixtures use. */
export async function compileTestSchema(document: unknown): Promise<EvalTool[]> {
  const tools: EvalTool[] = [];
  for (const item of Object.values(((document as Node).paths ?? {}) as Record<string, Node>)) {
    for (const operation of Object.values(item) as Node[]) {
      const properties: Node = {};
      const required: string[] = [];
      for (const parameter of (operation.parameters ?? []) as Node[]) {
        properties[String(parameter.name)] = { ...(parameter.schema as Node), description: parameter.description };
        if (parameter.required) required.push(String(parameter.name));
      }
      const content = ((operation.requestBody as Node | undefined)?.content ?? {}) as Record<string, Node>;
      const body = content['application/json']?.schema as Node | undefined;
      Object.assign(properties, body?.properties ?? {});
      required.push(...((body?.required ?? []) as string[]));
      const operationId = String(operation.operationId);
      tools.push({
        name: operationId.replace(/[^a-zA-Z0-9_-]/g, '_'),
        operationId,
        description: [operation.summary, operation.description].filter(Boolean).join('. '),
        inputSchema: { type: 'object', properties, required },
      });
    }
  }
  return tools;
}
