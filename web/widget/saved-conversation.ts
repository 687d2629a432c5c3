// The visitor's conversation with one agent, kept across page loads in localStorage.

/** What is kept: the conversation, the token that proves it is this visitor's, and whose it is. */
export interface SavedConversation {
  id: string;
  visitorToken: string;
  /** The signed-in customer it was started for (the identity token's `sub`); absent: anonymous. */
  subject?: string;
}

const keyOf = (agentKey: string) => `concierge:${agentKey}`;

/** The saved conversation, if any (storage may be blocked: then there is none). */
export function loadConversation(agentKey: string): SavedConversation | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(keyOf(agentKey)) ?? 'null');
    return saved?.id && saved?.visitorToken ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the conversation, or forgets it with `undefined`. */
export function saveConversation(agentKey: string, saved: SavedConversation | undefined): void {
  try {
    if (saved) localStorage.setItem(keyOf(agentKey), JSON.stringify(saved));
    else localStorage.removeItem(keyOf(agentKey));
  } catch {
    // Storage blocked (private mode, policies): the chat still works for this page.
  }
}

/** Whether the panel was open (per tab), so a page change keeps it open. */
export function wasOpen(agentKey: string): boolean {
  try {
    return sessionStorage.getItem(`${keyOf(agentKey)}:open`) === '1';
  } catch {
    return false;
  }
}

/** Remembers the panel's open state for this tab. */
export function rememberOpen(agentKey: string, open: boolean): void {
  try {
    sessionStorage.setItem(`${keyOf(agentKey)}:open`, open ? '1' : '0');
  } catch {
    // As above.
  }
}
