// Reads a response body up to a byte cap, aborting the transfer past it, and parses JSON when it is JSON.

/** A response body as read. */
export interface ResponseBody {
  /** The body decoded as UTF-8, at most the cap's worth of bytes. */
  text: string;
  /** Bytes read. */
  bytes: number;
  /** True when the body was longer than the cap and the rest was not read. */
  truncated: boolean;
}

/** The parts of undici's body stream used here. */
interface BodyStream {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  destroy(error?: Error): unknown;
}

/** Reads at most `maxBytes` of `body`; past that it stops, destroys the stream (closing the connection) and marks the result truncated. */
export function readResponseBody(body: BodyStream, maxBytes: number): Promise<ResponseBody> {
  // Plain stream events rather than `for await`: an async iterator costs more than the rest of a small call.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const settle = (truncated: boolean) => {
      if (settled) return;
      settled = true;
      const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
      resolve({ text, bytes, truncated });
    };
    body.on('data', (chunk) => {
      if (settled) return;
      if (bytes + chunk.byteLength > maxBytes) {
        chunks.push(chunk.subarray(0, maxBytes - bytes));
        bytes = maxBytes;
        settle(true);
        body.destroy();
        return;
      }
      chunks.push(chunk);
      bytes += chunk.byteLength;
    });
    body.on('end', () => settle(false));
    body.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
  });
}

/**
 * The body as the agent should see it: parsed JSON when the content type says JSON (or says nothing
 * and the text looks like JSON) and it parses, the text otherwise (truncated JSON stays text).
 */
export function parseResponseBody(text: string, contentType: string | undefined): unknown {
  const trimmed = text.trimStart();
  const declaredJson = contentType !== undefined && /\bjson\b/i.test(contentType);
  const looksJson =
    (contentType === undefined || /^text\/plain\b/i.test(contentType)) && /^[[{]/.test(trimmed);
  if (!trimmed || !(declaredJson || looksJson)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
