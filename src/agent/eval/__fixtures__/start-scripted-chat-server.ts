// A local server speaking the OpenAI chat-completions wire format with scripted replies, for tests of
// the OpenAI-compatible provider path (nothing leaves 127.0.0.1).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request body as the server received it. */
export type ChatRequest = { messages: Array<{ content: string }>; tools: Array<{ function: { name: string } }> };

/** What to answer: a tool call (name and JSON arguments) or plain text. */
export type ScriptedReply = { toolName: string; arguments: string } | { text: string };

/** Starts the server; `reply` picks the answer for each request. */
export async function startScriptedChatServer(reply: (request: ChatRequest) => ScriptedReply) {
  const requests: ChatRequest[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const parsed = JSON.parse(body) as ChatRequest;
      requests.push(parsed);
      const answer = reply(parsed);
      const message =
        'text' in answer
          ? { role: 'assistant', content: answer.text }
          : {
              role: 'assistant',
              tool_calls: [{ id: 'call_1', type: 'function', function: { name: answer.toolName, arguments: answer.arguments } }],
            };
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 1,
          model: 'scripted',
          choices: [{ index: 0, message, finish_reason: 'text' in answer ? 'stop' : 'tool_calls' }],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { baseUrl, requests, close };
}
