// The document-level facts: which OpenAPI version and dialect, title, and the API's base URLs.
import { isRecord, nonEmptyString } from './is-record.js';
import type { LintCollector } from './lint-finding.js';
import type { OpenApiDialect } from './normalize-schema.js';
import { SchemaImportError, type SchemaResult } from './schema-import-error.js';

/** What the compiler needs to know about the document as a whole. */
export interface DocumentInfo {
  /** The document's own version string (`2.0`, `3.0.3`, ...). */
  version: string;
  /** The rules its schemas and operations follow. */
  dialect: OpenApiDialect;
  /** `info.title`, or `Untitled API`. */
  title: string;
  /** `info.description`, when present. */
  description?: string;
  /** Absolute base URLs (variables filled with their defaults). */
  servers: string[];
}

/** Reads version, title and servers; fails with `not-openapi` when the document is not OpenAPI or Swagger. */
export function readDocumentInfo(
  document: unknown,
  options: { lint: LintCollector; sourceUrl?: string },
): SchemaResult<DocumentInfo> {
  const { lint } = options;
  if (!isRecord(document)) {
    const kind = Array.isArray(document) ? 'a list' : document === null ? 'empty' : `a ${typeof document}`;
    return notOpenApi(`not an OpenAPI or Swagger document: the top level is ${kind}, not a mapping`);
  }
  const openapi = versionString(document.openapi);
  const swagger = versionString(document.swagger);
  const hasPaths = isRecord(document.paths);
  let dialect: OpenApiDialect;
  let version: string;
  if (openapi !== undefined) {
    version = openapi;
    dialect = /^3\.0(\.|$)/.test(openapi) ? '3.0' : '3.1';
    if (!/^3\.[0-2](\.\d+)?([-.].*)?$/.test(openapi)) {
      if (!hasPaths) return notOpenApi(`unsupported OpenAPI version '${openapi}' and no 'paths'`, '/openapi');
      lint.add({
        severity: 'warning',
        code: 'unsupported-version',
        pointer: '/openapi',
        message: `openapi: version '${openapi}' is not 3.0, 3.1 or 3.2; read as OpenAPI ${dialect}`,
        fix: "Set openapi to '3.0.3' or '3.1.0' to match what the document follows.",
      });
    }
  } else if (swagger !== undefined) {
    version = swagger;
    dialect = '2.0';
    if (swagger !== '2.0') {
      if (!hasPaths) {
        return notOpenApi(
          `Swagger ${swagger} is not supported (only 2.0 and OpenAPI 3.x), and the document has no 'paths'`,
          '/swagger',
        );
      }
      lint.add({
        severity: 'warning',
        code: 'unsupported-version',
        pointer: '/swagger',
        message: `swagger: version '${swagger}' is not 2.0; read as Swagger 2.0`,
        fix: "Set swagger to '2.0', or convert the document to OpenAPI 3.",
      });
    }
  } else if (hasPaths) {
    version = '3.0.0';
    dialect = '3.0';
    lint.add({
      severity: 'warning',
      code: 'missing-version',
      pointer: '',
      message: "(document): no 'openapi' or 'swagger' field; read as OpenAPI 3.0",
      fix: "Add openapi: '3.0.3' (or swagger: '2.0') at the top of the document.",
    });
  } else {
    return notOpenApi("not an OpenAPI or Swagger document: no 'openapi' or 'swagger' field and no 'paths'");
  }

  const info = isRecord(document.info) ? document.info : {};
  const title = nonEmptyString(info.title);
  if (!title) {
    lint.add({
      severity: 'warning',
      code: 'missing-title',
      pointer: '/info',
      message: 'info: the API has no title',
      fix: 'Add info.title, the name the API is shown under.',
    });
  }
  if (info.version === undefined || info.version === null || info.version === '') {
    lint.add({
      severity: 'info',
      code: 'missing-info-version',
      pointer: '/info',
      message: 'info: the API version (info.version) is missing',
      fix: "Add info.version, e.g. '1.0.0', so versions of the schema can be told apart.",
    });
  }
  const servers =
    dialect === '2.0'
      ? swaggerServers(document, options.sourceUrl)
      : openApiServers(document, options.sourceUrl);
  if (servers.length === 0) {
    lint.add({
      severity: 'info',
      code: 'missing-servers',
      pointer: dialect === '2.0' ? '' : '/servers',
      message: `${dialect === '2.0' ? "(document): no 'host'" : 'servers: no absolute server URL'}; the API base URL must be given when installing`,
      fix:
        dialect === '2.0'
          ? 'Add host (and basePath, schemes) to the document.'
          : 'Add servers: [{ url: https://api.example.com/v1 }].',
    });
  }
  const description = nonEmptyString(info.description);
  return {
    ok: true,
    value: { version, dialect, title: title ?? 'Untitled API', servers, ...(description && { description }) },
  };
}

function versionString(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? `${value}.0` : String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function notOpenApi(message: string, pointer?: string): SchemaResult<never> {
  return {
    ok: false,
    error: new SchemaImportError('not-openapi', message, pointer ? { pointer } : undefined),
  };
}

function swaggerServers(document: Record<string, unknown>, sourceUrl: string | undefined): string[] {
  const source = parseUrl(sourceUrl);
  const host = nonEmptyString(document.host) ?? source?.host;
  if (!host) return [];
  const basePath = (nonEmptyString(document.basePath) ?? '').replace(/^(?!\/)/, '/');
  const declared = Array.isArray(document.schemes)
    ? document.schemes.filter((scheme): scheme is string => scheme === 'https' || scheme === 'http')
    : [];
  const schemes = declared.length > 0 ? declared : [source?.protocol.slice(0, -1) ?? 'https'];
  const servers = schemes.map((scheme) => `${scheme}://${host}${basePath}`.replace(/\/+$/, ''));
  return [...new Set(servers.filter((server) => parseUrl(server) !== undefined))];
}

function openApiServers(document: Record<string, unknown>, sourceUrl: string | undefined): string[] {
  const servers: string[] = [];
  const list = Array.isArray(document.servers) ? document.servers : [];
  for (const server of list) {
    if (!isRecord(server) || typeof server.url !== 'string') continue;
    const variables = isRecord(server.variables) ? server.variables : {};
    const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
      const variable = variables[name];
      if (!isRecord(variable)) return whole;
      const fallback = Array.isArray(variable.enum) ? variable.enum[0] : undefined;
      return String(variable.default ?? fallback ?? whole);
    });
    const absolute = parseUrl(url) ?? (sourceUrl ? parseUrl(url, sourceUrl) : undefined);
    if (!absolute || (absolute.protocol !== 'http:' && absolute.protocol !== 'https:')) continue;
    servers.push(absolute.href.replace(/\/+$/, ''));
  }
  return [...new Set(servers)];
}

function parseUrl(url: string | undefined, base?: string): URL | undefined {
  if (url === undefined || /[{}]/.test(url)) return undefined;
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
