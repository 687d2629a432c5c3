// The admin token, kept for this browser tab only (sessionStorage), and who is told when it goes.

const key = 'concierge.adminToken';
const listeners = new Set<() => void>();

/** The stored admin token, if signed in. */
export function readToken(): string | null {
  return sessionStorage.getItem(key);
}

/** Stores the token after a successful sign-in. */
export function saveToken(token: string): void {
  sessionStorage.setItem(key, token);
  for (const listener of listeners) listener();
}

/** Forgets the token (sign out, or the server refused it). */
export function clearToken(): void {
  sessionStorage.removeItem(key);
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the token changes; returns the unsubscribe function. */
export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
