// Path, query, header and cookie parameters -> input properties and the executor's parameter map.
import type { SourceParameter } from './collect-parameters.js';
import { isRecord, nonEmptyString } from './is-record.js';
import { describePointer, joinPointer } from './json-pointer.js';
import type { LintCollector } from './lint-finding.js';
import type { OperationEntry } from './list-operations.js';
import type { OpenApiDialect, SchemaNormalizer } from './normalize-schema.js';
import type { JsonSchema, ParameterLocation, ToolParameter } from './tool-definition.js';

/** Property names every provider accepts in a tool's input schema. */
export const SAFE_PROPERTY_NAME = /^[a-zA-Z0-9_.-]{1,64}$/;

/** Bounds for one parameter's schema: parameters are flat values, so shallow is enough. */
export const PARAMETER_SCHEMA_BOUNDS = { usage: 'input', maxDepth: 4, maxNodes: 1000 } as const;

const ORDER: ParameterLocation[] = ['path', 'query', 'header', 'cookie'];
// OpenAPI 3 §4.8.12.1: these headers are ignored as parameters; the executor sets them.
const RESERVED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
/**
 * Headers that carry the business's own credentials (`X-API-Key`, `App-Key`, `Client-Secret`,
 * `X-Auth-Token`): set from the integration's credentials, never asked of a model or a customer.
 */
const CREDENTIAL_HEADER =
  /^(?:x-)?(?:api[-_]?key|app(?:lication)?[-_]?(?:id|key|secret|token)|client[-_]?(?:id|secret)|(?:access|auth|bearer|session|refresh|api)[-_]?token|token|secret|password|(?:ocp-apim-)?subscription[-_]?key)$/i;
/** A description of the business's credential: "API OAuth login.", "Your API key". */
const CREDENTIAL_DESCRIPTION =
  /^(?:the |your )?(?:api|oauth|app(?:lication)?)(?: oauth)? (?:key|token|login|secret|access token)\b/i;

/**
 * Whether a parameter carries the business's credential: a header named as one; a query parameter
 * named as one (`api_key`, `authtoken`; not `password`, which a sign-in operation takes from its
 * user) or described as one (Jumpseller declares its `login` and `authtoken` on every operation).
 */
function carriesCredential(parameter: SourceParameter): boolean {
  if (parameter.in === 'header') return CREDENTIAL_HEADER.test(parameter.name);
  if (parameter.in !== 'query') return false;
  if (CREDENTIAL_HEADER.test(parameter.name) && !/^password$/i.test(parameter.name)) return true;
  const description = parameter.value.description;
  return typeof description === 'string' && CREDENTIAL_DESCRIPTION.test(description.trim());
}
// Swagger 2.0 keeps the schema keywords on the parameter itself.
const SWAGGER_SCHEMA_KEYS = [
  'type',
  'format',
  'items',
  'enum',
  'default',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf',
  'x-nullable',
];
const COLLECTION_FORMATS: Record<string, Pick<ToolParameter, 'style' | 'explode'>> = {
  csv: { style: 'form', explode: false },
  ssv: { style: 'spaceDelimited', explode: false },
  tsv: { style: 'form', explode: false },
  pipes: { style: 'pipeDelimited', explode: false },
  multi: { style: 'form', explode: true },
};
const STYLES = new Set([
  'form',
  'simple',
  'label',
  'matrix',
  'spaceDelimited',
  'pipeDelimited',
  'deepObject',
]);

/** Compiles the non-body parameters; `taken` receives every input name used. */
export function compileParameters(options: {
  entry: OperationEntry;
  parameters: SourceParameter[];
  dialect: OpenApiDialect;
  normalizer: SchemaNormalizer;
  lint: LintCollector;
  tool: string;
}): ToolParameter[] {
  const { entry, dialect, normalizer, lint, tool } = options;
  const warn = (severity: 'warning' | 'info', code: string, pointer: string, message: string, fix: string) =>
    lint.add({ severity, code, pointer, tool, message: `${describePointer(pointer)}: ${message}`, fix });

  const placeholders = [...entry.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  const sources = options.parameters.filter((parameter) => {
    if (!ORDER.includes(parameter.in as ParameterLocation)) return false;
    if (parameter.in === 'header' && RESERVED_HEADERS.has(parameter.name.toLowerCase())) {
      warn(
        'info',
        'ignored-header-parameter',
        parameter.pointer,
        `header parameter '${parameter.name}' is set by Concierge itself; ignored`,
        parameter.name.toLowerCase() === 'authorization'
          ? 'Describe authentication in securitySchemes instead of as a parameter.'
          : 'Remove the parameter; the media types already say this.',
      );
      return false;
    }
    if (carriesCredential(parameter)) {
      const where = parameter.in === 'header' ? 'header' : 'query parameter';
      warn(
        'info',
        `credential-${parameter.in}-parameter`,
        parameter.pointer,
        `${parameter.in} parameter '${parameter.name}' carries a credential; it is not offered to the model`,
        `Set it as the integration's API key (${where} '${parameter.name}'), or describe it in securitySchemes.`,
      );
      return false;
    }
    if (parameter.in === 'path' && !placeholders.includes(parameter.name)) {
      warn(
        'warning',
        'unused-path-parameter',
        parameter.pointer,
        `path parameter '${parameter.name}' does not appear in the path ${entry.path}; ignored`,
        `Add {${parameter.name}} to the path or remove the parameter.`,
      );
      return false;
    }
    return true;
  });
  for (const name of placeholders) {
    if (sources.some((parameter) => parameter.in === 'path' && parameter.name === name)) continue;
    warn(
      'warning',
      'undeclared-path-parameter',
      entry.pointer,
      `path parameter '${name}' is not declared`,
      `Add a parameter { name: ${name}, in: path, required: true, schema: { type: string } }.`,
    );
    sources.push({ name, in: 'path', value: { name, in: 'path', required: true }, pointer: entry.pointer });
  }
  sources.sort(
    (left, right) =>
      ORDER.indexOf(left.in as ParameterLocation) - ORDER.indexOf(right.in as ParameterLocation),
  );

  const taken = new Set<string>();
  return sources.map((source) => {
    const { value, pointer } = source;
    const location = source.in as ParameterLocation;
    if (location === 'path' && value.required !== true && source.pointer !== entry.pointer) {
      warn(
        'info',
        'optional-path-parameter',
        pointer,
        `path parameter '${source.name}' is not marked required; it is`,
        'Add required: true.',
      );
    }
    const schema = parameterSchema(source, dialect, normalizer);
    const parameter: ToolParameter = {
      inputName: claimInputName(source.name, location, taken),
      name: source.name,
      in: location,
      required: location === 'path' || value.required === true,
      schema,
    };
    Object.assign(parameter, serialization(value, dialect, schema));
    return parameter;
  });
}

/** A provider-safe, unique input name: the parameter name, else prefixed with its location, else numbered. */
export function claimInputName(name: string, location: string, taken: Set<string>): string {
  const safe = name.replace(/[^a-zA-Z0-9_.-]/g, '_').slice(0, 64) || location;
  let candidate = safe;
  if (taken.has(candidate)) candidate = `${location}_${safe}`.slice(0, 64);
  for (let counter = 2; taken.has(candidate); counter++) candidate = `${safe.slice(0, 60)}_${counter}`;
  taken.add(candidate);
  return candidate;
}

function parameterSchema(
  source: SourceParameter,
  dialect: OpenApiDialect,
  normalizer: SchemaNormalizer,
): JsonSchema {
  const { value, pointer } = source;
  let raw: unknown;
  let at = pointer;
  if (dialect === '2.0') {
    raw = Object.fromEntries(
      SWAGGER_SCHEMA_KEYS.filter((key) => key in value).map((key) => [key, value[key]]),
    );
  } else if (value.schema !== undefined) {
    raw = value.schema;
    at = joinPointer(pointer, 'schema');
  } else if (isRecord(value.content)) {
    const [mediaType, media] = Object.entries(value.content)[0] ?? [];
    if (isRecord(media) && media.schema !== undefined) {
      raw = media.schema;
      at = joinPointer(pointer, 'content', mediaType, 'schema');
    }
  }
  const normalized =
    raw === undefined || (isRecord(raw) && Object.keys(raw).length === 0)
      ? { type: 'string' }
      : normalizer.normalize(raw, at, PARAMETER_SCHEMA_BOUNDS);
  const schema: JsonSchema = { ...normalized };
  const description = nonEmptyString(value.description);
  if (description) schema.description = description;
  if (value.deprecated === true) schema.deprecated = true;
  const examples = parameterExamples(value);
  if (examples.length > 0) schema.examples = examples;
  return schema;
}

function parameterExamples(value: Record<string, unknown>): unknown[] {
  if (value.example !== undefined) return [value.example];
  if (!isRecord(value.examples)) return [];
  return Object.values(value.examples)
    .filter((example): example is Record<string, unknown> => isRecord(example) && example.value !== undefined)
    .map((example) => example.value);
}

function serialization(
  value: Record<string, unknown>,
  dialect: OpenApiDialect,
  schema: JsonSchema,
): Pick<ToolParameter, 'style' | 'explode' | 'allowReserved'> {
  if (dialect === '2.0') {
    const isArray = schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
    if (!isArray) return {};
    const format = typeof value.collectionFormat === 'string' ? value.collectionFormat : 'csv';
    const chosen = COLLECTION_FORMATS[format] ?? COLLECTION_FORMATS.csv;
    return value.in === 'query' || chosen.explode ? chosen : { style: 'simple', explode: false };
  }
  const result: Pick<ToolParameter, 'style' | 'explode' | 'allowReserved'> = {};
  if (typeof value.style === 'string' && STYLES.has(value.style))
    result.style = value.style as ToolParameter['style'];
  if (typeof value.explode === 'boolean') result.explode = value.explode;
  if (value.allowReserved === true) result.allowReserved = true;
  return result;
}
