// The signed-in customer the widget chats for: the identity token the page gives (or a function the
// widget calls for a fresh one whenever the last is about to expire). The server checks every token;
// the widget only reads who it names, to keep each customer's conversation their own.

/** A token, or a function that returns a fresh one (called again before the last one expires). */
export type IdentitySource = string | (() => string | Promise<string>);

/** The `sub` and `exp` a JWT says it has, read without checking it (the server does). */
export function readClaims(token: string | undefined): { sub?: string; exp?: number } {
  try {
    const part = (token ?? '').split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(part));
    return typeof claims === 'object' && claims ? claims : {};
  } catch {
    return {};
  }
}

/** Who the widget chats for; no source: an anonymous visitor. */
export function createIdentity(initial?: IdentitySource) {
  let source = initial;
  let token = typeof initial === 'string' ? initial : undefined;
  return {
    set(next: IdentitySource | undefined) {
      source = next;
      token = typeof next === 'string' ? next : undefined;
    },
    /** The token to send now: asked of the page's function when there is none or it expires within a minute. */
    async token(): Promise<string | undefined> {
      const exp = readClaims(token).exp;
      if (typeof source === 'function' && (!token || (exp && exp * 1000 - Date.now() < 60_000)))
        token = (await source()) || undefined;
      return token;
    },
    /** The server refused the token: forget it (a function may give a good one next time). */
    drop() {
      token = undefined;
      if (typeof source === 'string') source = undefined;
    },
  };
}
