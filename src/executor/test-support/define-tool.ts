// Builds ToolDefinition objects by hand for tests, filling what the OpenAPI compiler would.
import type {
  HttpMethod,
  JsonSchema,
  ToolDefinition,
  ToolParameter,
  ToolRequestBody,
} from '../../tools/index.js';

/** What a test says about a tool; everything else gets the compiler's defaults. */
export interface DefineToolOptions extends Partial<Omit<ToolDefinition, 'parameters'>> {
  /** Tool name. */
  name: string;
  /** HTTP method. */
  method: HttpMethod;
  /** Path template. */
  path: string;
  /** Parameters; `inputName` defaults to `name`, `required` to true for path parameters, `schema` to a string. */
  parameters?: (Partial<ToolParameter> & Pick<ToolParameter, 'name' | 'in'>)[];
}

/** A tool definition as the compiler would produce it, with the input schema derived from parameters and body. */
export function defineTool(options: DefineToolOptions): ToolDefinition {
  const parameters: ToolParameter[] = (options.parameters ?? []).map((parameter) => ({
    inputName: parameter.name,
    required: parameter.in === 'path',
    schema: { type: 'string' },
    ...parameter,
  }));
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const parameter of parameters) {
    properties[parameter.inputName] = parameter.schema;
    if (parameter.required) required.push(parameter.inputName);
  }
  const body = options.requestBody;
  if (body?.mode === 'wrapped') {
    properties[body.inputName ?? 'body'] = body.schema;
    if (body.required) required.push(body.inputName ?? 'body');
  } else if (body) {
    const bodyProperties = (body.schema.properties ?? {}) as Record<string, JsonSchema>;
    Object.assign(properties, bodyProperties);
    required.push(...((body.schema.required as string[] | undefined) ?? []));
  }
  const readOnly = ['get', 'head', 'options'].includes(options.method);
  return {
    description: `Test tool ${options.name}`,
    tags: [],
    inputSchema: { type: 'object', properties, required, additionalProperties: false },
    idempotent: readOnly || options.method === 'put' || options.method === 'delete',
    readOnly,
    deprecated: false,
    callable: true,
    pointer: `/paths/${options.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${options.method}`,
    ...options,
    parameters,
  };
}

/** A merged JSON request body with `properties` at the top level of the input. */
export function jsonBody(properties: Record<string, JsonSchema>, required = false): ToolRequestBody {
  return {
    contentType: 'application/json',
    required,
    mode: 'merged',
    properties: Object.keys(properties),
    schema: { type: 'object', properties },
  };
}
