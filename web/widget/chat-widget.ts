// The chat bubble and panel in a shadow root: open/close, messages, streaming replies, and a person's
// replies and status changes as they happen (an event stream; polling while waiting if it fails).

import type { StreamEvent } from '../shared/read-event-stream';
import {
  loadConversation,
  rememberOpen,
  type SavedConversation,
  saveConversation,
  wasOpen,
} from './saved-conversation';
import { type WidgetApi, WidgetApiError, type WidgetMessage } from './widget-api';
import { createIdentity, type IdentitySource, readClaims } from './widget-identity';
import { widgetStyles } from './widget-styles';

/** How the widget looks and whom it talks to. */
export interface ChatWidgetOptions {
  api: WidgetApi;
  agentKey: string;
  title: string;
  greeting: string;
  accent: string;
  /** The signed-in customer's identity token (`data-identity-token`), or a function giving one. */
  identity?: IdentitySource;
}

/** The mounted widget: its element, and the page's way to say who is signed in. */
export interface ChatWidget {
  host: HTMLElement;
  /** The customer signed in on the page: a new conversation when it is another than the current one's. */
  identify(source: IdentitySource): Promise<void>;
  /** The customer signed out: the conversation stops acting for them and is no longer shown. */
  logout(): Promise<void>;
}

/** Whether the server refused the identity token (forged, expired, for another agent). */
const isRefused = (error: unknown) => error instanceof WidgetApiError && error.code === 'identity-refused';

const chatIcon =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';

/** Makes an element with a class and text. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = '') {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

/** Puts `text` into `node`, with web addresses as links that open in a new tab. */
function renderText(node: HTMLElement, text: string): void {
  node.textContent = '';
  for (const part of text.split(/(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)])/)) {
    if (!/^https?:\/\//.test(part)) {
      node.append(part);
      continue;
    }
    const link = element('a', '', part);
    link.href = part;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    node.append(link);
  }
}

/** Mounts the widget on `document.body`. */
export function mountChatWidget(options: ChatWidgetOptions): ChatWidget {
  const { api, agentKey } = options;
  const host = document.createElement('div');
  host.setAttribute('data-concierge-widget', '');
  // Inline !important beats any page rule on the host element itself.
  host.style.cssText = 'all:initial!important;display:block!important;position:static!important';
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${widgetStyles(options.accent)}</style>
<button class="bubble" type="button" aria-label="Open chat" aria-expanded="false" aria-controls="panel">${chatIcon}</button>
<section class="panel" id="panel" role="dialog" aria-labelledby="title" hidden>
<header><strong id="title"></strong><button class="close" type="button" aria-label="Close chat">×</button></header>
<div class="log" role="log" aria-live="polite" aria-label="Messages"></div>
<form><label class="sr" for="input">Your message</label><textarea id="input" rows="1" maxlength="4000" placeholder="Write a message…"></textarea><button class="send" type="submit">Send</button></form>
</section>`;
  const $ = <T extends Element>(selector: string) => root.querySelector(selector) as T;
  const bubble = $<HTMLButtonElement>('.bubble');
  const panel = $<HTMLElement>('.panel');
  const log = $<HTMLElement>('.log');
  const form = $<HTMLFormElement>('form');
  const input = $<HTMLTextAreaElement>('textarea');
  const send = $<HTMLButtonElement>('.send');
  $<HTMLElement>('#title').textContent = options.title;

  const identity = createIdentity(options.identity);
  let saved: SavedConversation | undefined = loadConversation(agentKey);
  // A conversation is one customer's: another one signed in on this page gets a new conversation.
  if (typeof options.identity === 'string' && saved && saved.subject !== readClaims(options.identity).sub) {
    saved = undefined;
    saveConversation(agentKey, undefined);
  }
  let lastId: string | undefined;
  let status = 'open';
  let busy = false;
  let poller: ReturnType<typeof setInterval> | undefined;
  /** The open event stream, and how many times in a row one failed (3: poll instead). */
  let watching: AbortController | undefined;
  let failures = 0;
  let restored = false;

  const scroll = () => {
    log.scrollTop = log.scrollHeight;
  };
  function show(message: Pick<WidgetMessage, 'role' | 'text'>): HTMLElement {
    const node = element('div', `msg ${message.role}`);
    renderText(node, message.text);
    if (message.role === 'human') node.dataset.who = 'Team';
    log.append(node);
    scroll();
    return node;
  }
  const note = (text: string) => {
    const node = element('div', 'note', text);
    log.append(node);
    scroll();
    return node;
  };
  /** The note saying a person will answer; removed when the chat is handed back to the assistant. */
  let waitingNote: HTMLElement | undefined;

  function setStatus(next: string) {
    if (status === 'waiting-for-human' && next === 'open' && waitingNote) {
      waitingNote.remove();
      waitingNote = undefined;
      note('The assistant answers here again.');
    }
    status = next;
    follow();
  }

  /** Follows the open panel's conversation live; polls while it waits for a person if streams keep failing. */
  function follow() {
    clearInterval(poller);
    poller = undefined;
    const current = saved;
    if (!current || panel.hidden || status === 'closed') {
      watching?.abort();
      watching = undefined;
      return;
    }
    if (failures >= 3) {
      if (status === 'waiting-for-human') poller = setInterval(() => void poll(), 4000);
      return;
    }
    if (watching) return;
    const abort = new AbortController();
    watching = abort;
    api
      .watch(current.id, current.visitorToken, lastId, (event) => receive(current, event), abort.signal)
      .catch((error) => {
        if (error instanceof WidgetApiError && (error.status === 404 || error.status === 401)) forget();
      })
      .finally(() => {
        if (watching !== abort) return;
        watching = undefined;
        failures++;
        if (!abort.signal.aborted) setTimeout(follow, 1000 * failures);
      });
  }

  /** A streamed change: a message not shown yet (the visitor's own turn shows its reply itself), or the status. */
  function receive(current: SavedConversation, { event, data }: StreamEvent) {
    if (saved !== current) return;
    failures = 0;
    const message = data as WidgetMessage & { status?: string };
    if (event === 'status' && message.status && message.status !== status) setStatus(message.status);
    if (event !== 'message' || (lastId && message.id <= lastId)) return;
    lastId = message.id;
    if (message.role === 'human' || (message.role === 'agent' && !busy)) show(message);
  }

  /** Fetches messages after the last one shown; the visitor's own are shown only when restoring. */
  async function poll(restoring = false) {
    const current = saved;
    if (!current) return;
    try {
      const page = await api.list(current.id, current.visitorToken, lastId);
      // Signed out or in as someone else meanwhile: this page of messages is no longer to be shown.
      if (saved !== current) return;
      for (const message of page.items) {
        lastId = message.id;
        if (restoring || message.role !== 'customer') show(message);
      }
      if (page.status !== status) setStatus(page.status);
    } catch (error) {
      if (error instanceof WidgetApiError && (error.status === 404 || error.status === 401)) forget();
    }
  }

  function forget() {
    saved = undefined;
    lastId = undefined;
    saveConversation(agentKey, undefined);
    setStatus('open');
  }

  async function restore() {
    restored = true;
    log.textContent = '';
    show({ role: 'agent', text: options.greeting });
    if (saved) await poll(true);
  }

  /** Forgets the conversation and, when shown, clears it down to the greeting. */
  function startOver() {
    forget();
    if (restored) void restore();
  }

  async function identify(source: IdentitySource) {
    identity.set(source);
    const subject = readClaims(await identity.token().catch(() => undefined)).sub;
    if (saved && saved.subject !== subject) startOver();
  }

  async function logout() {
    identity.set(undefined);
    const ending = saved?.subject ? saved : undefined;
    if (!ending) return;
    startOver();
    await api.logout(ending.id, ending.visitorToken).catch(() => undefined);
  }

  /** Starts a conversation for the signed-in customer; a refused token leaves the visitor anonymous. */
  async function start(identityToken: string | undefined): Promise<string | undefined> {
    let token = identityToken;
    const started = await api.start(token).catch((error: unknown) => {
      if (!token || !isRefused(error)) throw error;
      console.warn(`Concierge: ${(error as Error).message}`);
      identity.drop();
      token = undefined;
      return api.start();
    });
    saved = { id: started.id, visitorToken: started.visitorToken, subject: readClaims(token).sub };
    saveConversation(agentKey, saved);
    setStatus('open');
    return token;
  }

  async function submit(text: string, retried = false): Promise<void> {
    let identityToken = await identity.token().catch(() => undefined);
    if (!saved || status === 'closed') identityToken = await start(identityToken);
    const current = saved as SavedConversation;
    const reply = element('div', 'msg agent typing', '…');
    log.append(reply);
    scroll();
    let streamed = '';
    try {
      const turn = await api.send(
        current.id,
        current.visitorToken,
        text,
        (delta) => {
          streamed += delta;
          reply.className = 'msg agent';
          reply.textContent = streamed;
          scroll();
        },
        identityToken,
      );
      // The stream may have gone further already (a person's reply meanwhile).
      const latest = turn.reply?.id ?? turn.messageId;
      if (!lastId || latest > lastId) lastId = latest;
      if (turn.reply) renderText(reply, turn.reply.text);
      else {
        reply.remove();
        waitingNote ??= note('A person from the team will answer here.');
      }
      setStatus(turn.status);
    } catch (error) {
      reply.remove();
      if (!retried && isRefused(error)) {
        // The token did not verify: send it again without (or with a fresh one from the page).
        console.warn(`Concierge: ${(error as Error).message}`);
        identity.drop();
        return submit(text, true);
      }
      // Closed, removed, or another customer's: start a new conversation once.
      if (!retried && error instanceof WidgetApiError && (error.status === 404 || error.status === 409)) {
        forget();
        return submit(text, true);
      }
      throw error;
    }
  }

  function setOpen(open: boolean) {
    panel.hidden = !open;
    bubble.setAttribute('aria-expanded', String(open));
    bubble.setAttribute('aria-label', open ? 'Close chat' : 'Open chat');
    rememberOpen(agentKey, open);
    // Followed once the messages so far are shown, so the stream starts after the last of them.
    if (open && !restored) void restore().then(follow);
    else follow();
    if (open) input.focus();
  }

  bubble.addEventListener('click', () => setOpen(panel.hidden));
  $<HTMLButtonElement>('.close').addEventListener('click', () => {
    setOpen(false);
    bubble.focus();
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      setOpen(false);
      bubble.focus();
    }
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return;
    busy = true;
    send.disabled = true;
    input.value = '';
    show({ role: 'customer', text });
    submit(text)
      .catch(() => note('Sorry, the message could not be sent. Please try again.'))
      .finally(() => {
        busy = false;
        send.disabled = false;
        input.focus();
      });
  });

  document.body.append(host);
  if (wasOpen(agentKey)) setOpen(true);
  return { host, identify, logout };
}
