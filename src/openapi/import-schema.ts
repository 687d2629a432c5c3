// The import pipeline: text -> parsed document -> tool definitions with a lint report.
import { createHash } from 'node:crypto';
import { assignToolNames } from './assign-tool-names.js';
import { compileOperation } from './compile-operation.js';
import { isRecord } from './is-record.js';
import { lintCatalog } from './lint-catalog.js';
import { LintCollector, type LintFinding } from './lint-finding.js';
import { listOperations } from './list-operations.js';
import { createSchemaNormalizer } from './normalize-schema.js';
import { type ParsedSource, parseSourceText } from './parse-source-text.js';
import { type AuthHint, readAuthHint } from './read-auth-hint.js';
import { readDocumentInfo } from './read-document-info.js';
import { SchemaImportError, type SchemaResult } from './schema-import-error.js';
import type { ToolDefinition } from './tool-definition.js';

/** Operations compiled between two yields to the event loop. */
const YIELD_EVERY = 100;

/** Options of `importSchema`. */
export interface ImportSchemaOptions {
  /** Where the text came from; relative server URLs (and a 2.0 document without `host`) resolve against it. */
  sourceUrl?: string;
  /** Above this many operations the lint warns that one agent is given too many (default 128). */
  maxOperations?: number;
}

/** A compiled schema: the tool catalog and what the business owner should fix. */
export interface ImportedSchema {
  /** The document's own version string, e.g. `2.0`, `3.0.3`, `3.1.0`. */
  openapiVersion: string;
  /** `info.title` (`Untitled API` when missing). */
  title: string;
  /** `info.description`, when present. */
  description?: string;
  /** Absolute base URLs found in the document (2.0 schemes + host + basePath included). */
  servers: string[];
  /** One tool per operation under `paths`, uncallable ones included, in document order. */
  tools: ToolDefinition[];
  /** Lint findings, document-level first, then per operation. */
  lint: LintFinding[];
  /** The credentials the document asks for, when it names a scheme Concierge can send. */
  auth?: AuthHint;
  /** SHA-256 of the source text, hex. */
  sha256: string;
  /** The syntax the source was written in. */
  format: 'json' | 'yaml';
}

/** The outcome of `importSchema`. */
export type ImportResult = SchemaResult<ImportedSchema>;

/**
 * Compiles OpenAPI 3.0/3.1 or Swagger 2.0 text (JSON or YAML) into tool definitions. Lenient: spec
 * violations become lint findings; only text that is not YAML/JSON, not OpenAPI, or has no
 * operations fails.
 */
export async function importSchema(text: string, options: ImportSchemaOptions = {}): Promise<ImportResult> {
  const sha256 = createHash('sha256').update(text).digest('hex');
  const parsed = parseSourceText(text);
  if (!parsed.ok) return parsed;
  const { document, format } = parsed.value;
  const lint = new LintCollector();
  const info = readDocumentInfo(document, { lint, sourceUrl: options.sourceUrl });
  if (!info.ok) return withLine(info.error, parsed.value);
  const root = document as Record<string, unknown>;
  const entries = listOperations(root, lint);
  if (entries.length === 0) return withLine(noOperations(root), parsed.value);

  const names = assignToolNames(
    entries.map(({ operation, method, path }) => ({
      operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
      method,
      path,
    })),
  );
  const { dialect } = info.value;
  const normalizer = createSchemaNormalizer({ root, dialect, lint });
  const tools: ToolDefinition[] = [];
  try {
    for (const [index, entry] of entries.entries()) {
      // Large documents take a second or more: let other work on the event loop (a server's requests) run.
      if (index > 0 && index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      tools.push(compileOperation(entry, names[index], { document: root, dialect, normalizer, lint }));
    }
  } catch (error) {
    if (error instanceof SchemaImportError) return withLine(error, parsed.value);
    throw error;
  }
  lintCatalog(tools, lint, { maxOperations: options.maxOperations });

  const findings = orderFindings(lint.findings, tools);
  const lines = parsed.value.locateLines(new Set(findings.map((finding) => finding.pointer)));
  for (const finding of findings) {
    const line = lines.get(finding.pointer);
    if (line !== undefined) finding.line = line;
  }
  const { version, title, description, servers } = info.value;
  const auth = readAuthHint(root);
  return {
    ok: true,
    value: {
      openapiVersion: version,
      title,
      ...(description && { description }),
      servers,
      tools,
      ...(auth && { auth }),
      lint: findings,
      sha256,
      format,
    },
  };
}

function noOperations(document: Record<string, unknown>): SchemaImportError {
  const webhooks = isRecord(document.webhooks) && Object.keys(document.webhooks).length > 0;
  const detail = !isRecord(document.paths)
    ? "the document has no 'paths'"
    : Object.keys(document.paths).length === 0
      ? "'paths' is empty"
      : "no path under 'paths' has a GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH or TRACE operation";
  const suffix = webhooks ? ' (it only describes webhooks, which are calls the API makes, not tools)' : '';
  return new SchemaImportError('no-operations', `no operations to import: ${detail}${suffix}`, {
    pointer: '/paths',
  });
}

function withLine(error: SchemaImportError, source: ParsedSource): SchemaResult<never> {
  const pointer = error.where?.pointer;
  if (pointer !== undefined && error.where?.line === undefined) {
    const line = source.locateLines([pointer]).get(pointer);
    if (line !== undefined)
      return { ok: false, error: new SchemaImportError(error.code, error.message, { ...error.where, line }) };
  }
  return { ok: false, error };
}

// Document-level findings first, then each tool's in catalog order; the collector's order within a group.
function orderFindings(findings: LintFinding[], tools: ToolDefinition[]): LintFinding[] {
  const rank = new Map(tools.map((tool, index) => [tool.name, index]));
  return findings
    .map((finding, index) => ({
      finding,
      index,
      group: finding.tool === undefined ? -1 : (rank.get(finding.tool) ?? -1),
    }))
    .sort((left, right) => left.group - right.group || left.index - right.index)
    .map(({ finding }) => finding);
}
