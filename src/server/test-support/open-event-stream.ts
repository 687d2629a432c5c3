// Test helper: reads a server-sent event stream over real HTTP, as a browser's fetch would.

/** One received event. */
export interface ReceivedEvent {
  event: string;
  id?: string;
  data: Record<string, unknown>;
}

/** An open stream: the events so far, a wait for the next matching one, and closing it. */
export interface OpenEventStream {
  status: number;
  events: ReceivedEvent[];
  /** Resolves with the first event (received or to come) that `matches`; rejects after `boundMs` (default 5 s) or when the stream ends. */
  waitFor: (matches: (event: ReceivedEvent) => boolean, boundMs?: number) => Promise<ReceivedEvent>;
  close: () => void;
}

function parse(block: string): ReceivedEvent | undefined {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('id:')) id = line.slice(3).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trim());
  }
  return data.length ? { event, id, data: JSON.parse(data.join('\n')) } : undefined;
}

/** Opens `url` as an event stream with `headers`; resolves once the answer's head arrived. */
export async function openEventStream(
  url: string,
  headers: Record<string, string>,
): Promise<OpenEventStream> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const events: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const event = parse(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (event) events.push(event);
          }
          for (const waiter of waiters) waiter();
        }
      } catch {
        // Aborted by close().
      }
      ended = true;
      for (const waiter of waiters) waiter();
    })();
  } else {
    await response.body?.cancel();
    ended = true;
  }
  return {
    status: response.status,
    events,
    waitFor(matches, boundMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(matches);
          if (found || ended) {
            waiters.delete(check);
            clearTimeout(timer);
            if (found) resolve(found);
            else reject(new Error(`the stream ended without the event; got ${JSON.stringify(events)}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such event within ${boundMs} ms; got ${JSON.stringify(events)}`));
        }, boundMs);
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
