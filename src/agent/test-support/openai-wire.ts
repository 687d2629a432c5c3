// The OpenAI chat-completions wire protocol (also what OpenAI-compatible servers speak), for fake models.
import type { ServerResponse } from 'node:http';
import { type ScriptedReply, type SeenRequest, splitIntoPieces } from './scripted-reply.js';

type Message = { role: string; content?: unknown; tool_calls?: unknown };

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (part as { text?: string }).text ?? '').join('');
  return '';
}

/** Reads a chat-completions request body. */
export function readOpenAIRequest(body: Record<string, unknown>): SeenRequest {
  const messages = (body.messages ?? []) as Message[];
  const tools = (body.tools ?? []) as { function: { name: string } }[];
  return {
    body,
    toolNames: tools.map((tool) => tool.function.name),
    system: messages
      .filter((message) => message.role === 'system' || message.role === 'developer')
      .map((message) => textOf(message.content))
      .join('\n'),
    lastUserText: textOf(messages.filter((message) => message.role === 'user').at(-1)?.content),
    toolResults: messages
      .filter((message) => message.role === 'tool')
      .map((message) => textOf(message.content)),
    stream: body.stream === true,
  };
}

const usage = { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 };

function toolCallsOf(reply: ScriptedReply, index: number) {
  return (reply.toolCalls ?? []).map((call, position) => ({
    ...(index >= 0 ? { index: position } : {}),
    id: `call_${index}_${position}`,
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.args) },
  }));
}

/** Answers with `reply` as one JSON completion or as a server-sent event stream. */
export function writeOpenAIReply(response: ServerResponse, reply: ScriptedReply, stream: boolean): void {
  const finish_reason = reply.toolCalls?.length ? 'tool_calls' : 'stop';
  const base = { id: 'chatcmpl-fake', created: 1_700_000_000, model: 'fake-model' };
  if (!stream) {
    const message = {
      role: 'assistant',
      content: reply.text ?? null,
      tool_calls: reply.toolCalls?.length ? toolCallsOf(reply, -1) : undefined,
    };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message, finish_reason }],
        usage,
      }),
    );
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  const send = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    response.write(
      `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices, ...extra })}\n\n`,
    );
  send([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
  for (const piece of splitIntoPieces(reply.text ?? ''))
    send([{ index: 0, delta: { content: piece }, finish_reason: null }]);
  if (reply.toolCalls?.length)
    send([{ index: 0, delta: { tool_calls: toolCallsOf(reply, 0) }, finish_reason: null }]);
  send([{ index: 0, delta: {}, finish_reason }]);
  send([], { usage });
  response.end('data: [DONE]\n\n');
}
