// Turns a model or provider failure into a message fit for the trace: what failed, never a secret.
import { APICallError, RetryError } from 'ai';

const MAX_MESSAGE_CHARS = 300;

// Key-shaped strings providers echo back ("Incorrect API key provided: sk-abc...xyz").
const SECRET_PATTERNS = [
  /\b(?:sk|pk|rk|ak|key|api|token|sess)[-_][A-Za-z0-9_\-*.]{6,}/gi,
  /\bBearer\s+[^\s"']+/gi,
  /\b[A-Za-z0-9_-]{32,}\b/g,
];

/** Removes key-shaped strings from `text`. */
export function removeSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((result, pattern) => result.replace(pattern, '[redacted]'), text);
}

/** `status: message` for provider errors, the message otherwise; secrets removed, at most 300 characters. */
export function describeModelError(error: unknown): string {
  // After retries the SDK wraps the last failure; that one says what went wrong.
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  let message = cause instanceof Error ? cause.message : String(cause);
  if (APICallError.isInstance(cause) && cause.statusCode !== undefined)
    message = `${cause.statusCode}: ${message}`;
  if (error instanceof Error && error.name === 'AbortError') message = 'the turn was cancelled';
  const clean = removeSecrets(message.replace(/\s+/g, ' ').trim()) || 'the model failed';
  return clean.length > MAX_MESSAGE_CHARS ? `${clean.slice(0, MAX_MESSAGE_CHARS - 1)}…` : clean;
}
