// The request body of one operation: which media type to send and its schema, or why none can be sent.
import { classifyMediaType, type MediaKind, pickMediaType } from './classify-media-type.js';
import type { SourceParameter } from './collect-parameters.js';
import { PARAMETER_SCHEMA_BOUNDS } from './compile-parameters.js';
import { followRefs } from './follow-refs.js';
import { isRecord, nonEmptyString } from './is-record.js';
import { describePointer, joinPointer } from './json-pointer.js';
import type { LintCollector } from './lint-finding.js';
import type { OperationEntry } from './list-operations.js';
import type { OpenApiDialect, SchemaNormalizer } from './normalize-schema.js';
import type { JsonSchema } from './tool-definition.js';

/** Bounds for a body schema: deep enough for nested JSON objects, small enough for a model. */
export const BODY_SCHEMA_BOUNDS = { usage: 'input', maxDepth: 4, maxNodes: 600 } as const;

/** A body the executor can send. */
export interface CompiledBody {
  contentType: string;
  kind: Exclude<MediaKind, 'unsupported'>;
  required: boolean;
  schema: JsonSchema;
  description?: string;
}

/** The body, or the reason the operation cannot be called (its only media types cannot be sent). */
export type BodyOutcome = { body?: CompiledBody; uncallableReason?: string };

/** Reads the body of a 3.x `requestBody` or of Swagger 2.0 `body` / `formData` parameters. */
export function compileRequestBody(options: {
  entry: OperationEntry;
  parameters: SourceParameter[];
  document: Record<string, unknown>;
  dialect: OpenApiDialect;
  normalizer: SchemaNormalizer;
  lint: LintCollector;
  tool: string;
}): BodyOutcome {
  return options.dialect === '2.0' ? swaggerBody(options) : openApiBody(options);
}

function openApiBody(options: Parameters<typeof compileRequestBody>[0]): BodyOutcome {
  const { entry, document, normalizer, lint } = options;
  if (entry.operation.requestBody === undefined) return {};
  const found = followRefs({
    document,
    value: entry.operation.requestBody,
    pointer: joinPointer(entry.pointer, 'requestBody'),
    lint,
    what: 'request body',
  });
  if (!found || !isRecord(found.value.content)) return {};
  const content = found.value.content;
  const mediaTypes = Object.keys(content);
  if (mediaTypes.length === 0) return {};
  const chosen = pickMediaType(mediaTypes);
  if (!chosen) return { uncallableReason: `request body is ${listMediaTypes(mediaTypes)} only` };
  const media = content[chosen.mediaType];
  const schemaPointer = joinPointer(found.pointer, 'content', chosen.mediaType, 'schema');
  const rawSchema = isRecord(media) ? media.schema : undefined;
  const description = nonEmptyString(found.value.description);
  let schema = bodySchema(rawSchema, schemaPointer, chosen.kind, normalizer);
  if (chosen.kind === 'multipart') {
    const fields = withoutFiles(schema);
    if (typeof fields === 'string') return { uncallableReason: fields };
    schema = fields;
  }
  return {
    body: {
      contentType: chosen.contentType,
      kind: chosen.kind,
      required: found.value.required === true,
      schema,
      ...(description && { description }),
    },
  };
}

/** Why a multipart body cannot be sent: it uploads a file. */
const FILE_UPLOAD = 'request body is a file upload (multipart/form-data), which Concierge cannot send';

/** Whether a (normalized) schema is a file's content: `format: binary`, or a list of such. */
function isFile(schema: unknown): boolean {
  if (!isRecord(schema)) return false;
  if (schema.format === 'binary') return true;
  if (typeof schema.contentMediaType === 'string' && schema.contentEncoding === undefined) return true;
  return schema.type === 'array' && isFile(schema.items);
}

/**
 * A multipart body's fields without its optional files (the executor sends fields, never files), or
 * why it cannot be sent: it is no object of fields, or a file is required or all there is.
 */
function withoutFiles(schema: JsonSchema): JsonSchema | string {
  const all = schema.properties;
  if (!isRecord(all)) {
    return 'request body is multipart/form-data without named fields, which Concierge cannot send';
  }
  const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
  const files = Object.keys(all).filter((name) => isFile(all[name]));
  if (files.some((name) => required.includes(name)) || files.length === Object.keys(all).length) {
    return FILE_UPLOAD;
  }
  if (files.length === 0) return schema;
  const properties = Object.fromEntries(Object.entries(all).filter(([name]) => !files.includes(name)));
  return { ...schema, properties };
}

function swaggerBody(options: Parameters<typeof compileRequestBody>[0]): BodyOutcome {
  const { entry, parameters, document, normalizer, lint, tool } = options;
  const bodies = parameters.filter((parameter) => parameter.in === 'body');
  const fields = parameters.filter((parameter) => parameter.in === 'formData');
  const consumesValue = entry.operation.consumes ?? document.consumes;
  const consumes = Array.isArray(consumesValue)
    ? consumesValue.filter((mediaType): mediaType is string => typeof mediaType === 'string')
    : [];
  if (bodies.length > 1 || (bodies.length > 0 && fields.length > 0)) {
    lint.add({
      severity: 'warning',
      code: 'conflicting-body-parameters',
      pointer: bodies[1]?.pointer ?? fields[0].pointer,
      tool,
      message: `${describePointer(entry.pointer)}: an operation can have one body parameter and no formData parameters beside it; only '${bodies[0].name}' is used`,
      fix: 'Keep one body parameter (or only formData parameters).',
    });
  }
  const [body] = bodies;
  if (body) {
    const chosen = pickMediaType(consumes.length === 0 ? ['application/json'] : consumes);
    if (!chosen) return { uncallableReason: `request body is ${listMediaTypes(consumes)} only` };
    const description = nonEmptyString(body.value.description);
    return {
      body: {
        contentType: chosen.contentType,
        kind: chosen.kind,
        required: body.value.required === true,
        schema: bodySchema(body.value.schema, joinPointer(body.pointer, 'schema'), chosen.kind, normalizer),
        ...(description && { description }),
      },
    };
  }
  if (fields.length === 0) return {};
  // A file is sent by no one: an optional one is left out, a required one leaves nothing to call.
  const files = fields.filter((field) => field.value.type === 'file');
  if (files.some((field) => field.value.required === true) || files.length === fields.length) {
    return { uncallableReason: FILE_UPLOAD };
  }
  const formTypes = consumes.filter((mediaType) => classifyMediaType(mediaType) === 'form');
  const multipartTypes = consumes.filter((mediaType) => classifyMediaType(mediaType) === 'multipart');
  if (consumes.length > 0 && formTypes.length === 0 && multipartTypes.length === 0) {
    return { uncallableReason: `request body is ${listMediaTypes(consumes)} only` };
  }
  const properties: JsonSchema = {};
  const required: string[] = [];
  for (const field of fields) {
    if (field.value.type === 'file') continue;
    const raw = Object.fromEntries(
      Object.entries(field.value).filter(
        ([key]) =>
          !['name', 'in', 'required', 'description', 'collectionFormat', 'allowEmptyValue'].includes(key),
      ),
    );
    const schema = { ...normalizer.normalize(raw, field.pointer, PARAMETER_SCHEMA_BOUNDS) };
    const description = nonEmptyString(field.value.description);
    if (description) schema.description = description;
    properties[field.name] = schema;
    if (field.value.required === true) required.push(field.name);
  }
  return {
    body: {
      contentType:
        formTypes[0] ??
        (multipartTypes.length > 0 ? 'multipart/form-data' : 'application/x-www-form-urlencoded'),
      kind: formTypes.length === 0 && multipartTypes.length > 0 ? 'multipart' : 'form',
      required: required.length > 0,
      schema: { type: 'object', properties, ...(required.length > 0 && { required }) },
    },
  };
}

function bodySchema(
  raw: unknown,
  pointer: string,
  kind: MediaKind,
  normalizer: SchemaNormalizer,
): JsonSchema {
  if (raw === undefined) return kind === 'text' ? { type: 'string' } : {};
  return normalizer.normalize(raw, pointer, BODY_SCHEMA_BOUNDS);
}

function listMediaTypes(mediaTypes: string[]): string {
  const unique = [...new Set(mediaTypes.map((mediaType) => mediaType.split(';')[0].trim()))];
  return unique.length <= 1
    ? (unique[0] ?? 'an unsupported type')
    : `${unique.slice(0, -1).join(', ')} or ${unique.at(-1)}`;
}
