// Puts a body into a tool's input: its properties beside the parameters when they fit, else under `body`.
import { claimInputName, SAFE_PROPERTY_NAME } from './compile-parameters.js';
import type { CompiledBody } from './compile-request-body.js';
import { isRecord } from './is-record.js';
import type { JsonSchema, ToolRequestBody } from './tool-definition.js';

/**
 * Adds the body to `properties`/`required` (the input schema being built) and says how the executor
 * rebuilds it. Objects are merged when their property names are provider-safe and clash with no
 * parameter; arrays, primitives, unions and clashing objects are wrapped.
 */
export function placeRequestBody(options: {
  body: CompiledBody;
  properties: JsonSchema;
  required: string[];
}): ToolRequestBody {
  const { body, properties, required } = options;
  const flattened = body.schema;
  const common = { contentType: body.contentType, required: body.required };
  if (body.kind !== 'text' && canMerge(flattened, properties)) {
    const bodyProperties = flattened.properties as JsonSchema;
    const names = Object.keys(bodyProperties);
    for (const name of names) properties[name] = bodyProperties[name];
    const bodyRequired = Array.isArray(flattened.required) ? flattened.required : [];
    required.push(...names.filter((name) => bodyRequired.includes(name)));
    return { ...common, mode: 'merged', properties: names, schema: flattened };
  }
  const inputName = claimInputName(
    Object.hasOwn(properties, 'body') ? 'requestBody' : 'body',
    'body',
    new Set(Object.keys(properties)),
  );
  const description =
    body.description ?? (typeof flattened.description === 'string' ? flattened.description : undefined);
  properties[inputName] = description ? { ...flattened, description } : flattened;
  if (body.required) required.push(inputName);
  return { ...common, mode: 'wrapped', inputName, schema: flattened };
}

function canMerge(schema: JsonSchema, properties: JsonSchema): boolean {
  if (!isRecord(schema.properties) || Object.keys(schema.properties).length === 0) return false;
  if (schema.type !== undefined && schema.type !== 'object') return false;
  if (schema.oneOf || schema.anyOf || schema.allOf || schema.not) return false;
  return Object.keys(schema.properties).every(
    (name) => SAFE_PROPERTY_NAME.test(name) && !Object.hasOwn(properties, name),
  );
}
