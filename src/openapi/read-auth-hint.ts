// The credentials a document asks for, so the form can preselect them: an API key's header or query
// name, bearer or basic. Read from the schemes the document's security requirements name first.
import { isRecord } from './is-record.js';

/** How the document says requests are authenticated (the secret itself is never in it). */
export type AuthHint =
  | { type: 'apiKey'; in: 'header' | 'query'; name: string }
  | { type: 'bearer' }
  | { type: 'basic' };

function hintOf(scheme: unknown): AuthHint | undefined {
  if (!isRecord(scheme)) return undefined;
  const type = String(scheme.type ?? '').toLowerCase();
  if (
    type === 'apikey' &&
    typeof scheme.name === 'string' &&
    (scheme.in === 'header' || scheme.in === 'query')
  )
    return { type: 'apiKey', in: scheme.in, name: scheme.name };
  if (type === 'basic') return { type: 'basic' };
  if (type === 'http') {
    const http = String(scheme.scheme ?? '').toLowerCase();
    if (http === 'basic') return { type: 'basic' };
    if (http === 'bearer') return { type: 'bearer' };
  }
  if (type === 'oauth2' || type === 'openidconnect') return { type: 'bearer' };
  return undefined;
}

/** The first scheme Concierge can send, preferring those the top-level `security` requires. */
export function readAuthHint(document: Record<string, unknown>): AuthHint | undefined {
  const components = isRecord(document.components) ? document.components.securitySchemes : undefined;
  const schemes = isRecord(document.securityDefinitions)
    ? document.securityDefinitions
    : isRecord(components)
      ? components
      : {};
  const required = Array.isArray(document.security)
    ? document.security.flatMap((requirement) => (isRecord(requirement) ? Object.keys(requirement) : []))
    : [];
  for (const name of [...required, ...Object.keys(schemes)]) {
    const hint = hintOf(schemes[name]);
    if (hint) return hint;
  }
  return undefined;
}
