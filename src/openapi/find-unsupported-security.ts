// Whether an operation's security can be met with the credentials Concierge sends (API key, bearer, basic).
import { followRefs } from './follow-refs.js';
import { isRecord } from './is-record.js';
import { describePointer, joinPointer } from './json-pointer.js';
import type { LintCollector } from './lint-finding.js';
import type { OperationEntry } from './list-operations.js';
import type { OpenApiDialect } from './normalize-schema.js';

// HTTP authentication schemes that need a challenge-response handshake the executor does not do.
const HANDSHAKE_SCHEMES = new Set([
  'digest',
  'hoba',
  'mutual',
  'negotiate',
  'scram-sha-1',
  'scram-sha-256',
  'vapid',
]);

/**
 * Why no alternative of the operation's security requirements can be met, or undefined when one can
 * (or none is required). OAuth2 and OpenID Connect are sent as bearer tokens; unknown schemes pass.
 */
export function findUnsupportedSecurity(options: {
  entry: OperationEntry;
  document: Record<string, unknown>;
  dialect: OpenApiDialect;
  lint: LintCollector;
  tool: string;
}): string | undefined {
  const { entry, document, dialect, lint, tool } = options;
  const ownSecurity = entry.operation.security !== undefined;
  const requirements = ownSecurity ? entry.operation.security : document.security;
  if (!Array.isArray(requirements) || requirements.length === 0) return undefined;
  const listPointer = ownSecurity ? joinPointer(entry.pointer, 'security') : '/security';
  const schemesPointer = dialect === '2.0' ? '/securityDefinitions' : '/components/securitySchemes';
  const schemes =
    dialect === '2.0'
      ? document.securityDefinitions
      : isRecord(document.components)
        ? document.components.securitySchemes
        : undefined;
  const problems: string[] = [];
  for (const [index, requirement] of requirements.entries()) {
    if (!isRecord(requirement)) continue;
    const unsupported: string[] = [];
    for (const name of Object.keys(requirement)) {
      const declared = isRecord(schemes) ? schemes[name] : undefined;
      const scheme =
        declared === undefined
          ? undefined
          : followRefs({
              document,
              value: declared,
              pointer: joinPointer(schemesPointer, name),
              lint,
              what: 'security scheme',
            })?.value;
      if (!scheme) {
        const pointer = joinPointer(listPointer, index, name);
        lint.add({
          severity: 'warning',
          code: 'unknown-security-scheme',
          pointer,
          tool,
          message: `${describePointer(pointer)}: security scheme '${name}' is not defined`,
          fix: `Define '${name}' under ${describePointer(schemesPointer)}.`,
        });
        continue;
      }
      const problem = describeUnsupported(scheme);
      if (problem) unsupported.push(problem);
    }
    if (unsupported.length === 0) return undefined;
    problems.push(unsupported.join(' and '));
  }
  if (problems.length === 0) return undefined;
  return `requires ${[...new Set(problems)].join(' or ')} authentication, which Concierge cannot send`;
}

function describeUnsupported(scheme: Record<string, unknown>): string | undefined {
  if (scheme.type === 'mutualTLS') return 'mutual TLS (client certificate)';
  if (
    scheme.type === 'http' &&
    typeof scheme.scheme === 'string' &&
    HANDSHAKE_SCHEMES.has(scheme.scheme.toLowerCase())
  ) {
    return `HTTP ${scheme.scheme}`;
  }
  return undefined;
}
