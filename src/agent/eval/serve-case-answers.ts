// A local HTTP server that answers each call of a reply case as the case says (status, content type,
// body, or a body without end), so the calls run through the real executor: its parsing, size cap and
// outcomes are part of what a reply case measures.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SuiteResult } from './load-reply-case.js';

/** The running server. */
export interface CaseAnswerServer {
  /** `host:port`, to allow on the executor's network guard. */
  host: string;
  /** Registers an answer; calls to the returned base URL get it. */
  register(answer: SuiteResult): string;
  close(): Promise<void>;
}

/** Bytes of an endless body sent at most, past any response cap the executor may have. */
const ENDLESS_LIMIT = 16 * 1024 * 1024;

function sendEndless(response: ServerResponse, text: string, contentType: string): void {
  response.writeHead(200, { 'content-type': contentType });
  const chunk = Buffer.from(text.repeat(Math.max(1, Math.ceil(65_536 / Math.max(text.length, 1)))));
  let sent = 0;
  const pump = () => {
    while (sent < ENDLESS_LIMIT && !response.destroyed) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end();
  };
  pump();
}

/** Starts the server on 127.0.0.1, port 0. */
export async function serveCaseAnswers(): Promise<CaseAnswerServer> {
  const answers: SuiteResult[] = [];
  const server = createServer((request, response) => {
    request.resume();
    const index = Number(/^\/answer\/(\d+)(?:\/|\?|$)/.exec(request.url ?? '')?.[1] ?? Number.NaN);
    const answer = answers[index];
    if (!answer) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"message":"no such answer"}');
      return;
    }
    const text = typeof answer.body === 'string' || answer.body === undefined;
    const contentType = answer.contentType ?? (text ? 'text/plain; charset=utf-8' : 'application/json');
    if (answer.endless) {
      sendEndless(response, String(answer.body), contentType);
      return;
    }
    const body = answer.body === undefined ? '' : text ? String(answer.body) : JSON.stringify(answer.body);
    response.writeHead(answer.status, body ? { 'content-type': contentType } : {});
    response.end(body);
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    register(answer) {
      answers.push(answer);
      return `http://127.0.0.1:${port}/answer/${answers.length - 1}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
