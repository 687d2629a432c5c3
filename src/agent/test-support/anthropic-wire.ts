// The Anthropic messages wire protocol, for fake models.
import type { ServerResponse } from 'node:http';
import { type ScriptedReply, type SeenRequest, splitIntoPieces } from './scripted-reply.js';

type Block = { type: string; text?: string; content?: unknown };
type Message = { role: string; content: string | Block[] };

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return (content as Block[]).map((block) => (block.type === 'text' ? (block.text ?? '') : '')).join('');
  return '';
}

/** Reads a messages request body. */
export function readAnthropicRequest(body: Record<string, unknown>): SeenRequest {
  const messages = (body.messages ?? []) as Message[];
  const blocks = messages.flatMap((message) => (typeof message.content === 'string' ? [] : message.content));
  const users = messages.filter((message) => message.role === 'user' && textOf(message.content));
  return {
    body,
    toolNames: ((body.tools ?? []) as { name: string }[]).map((tool) => tool.name),
    system: textOf(body.system),
    lastUserText: textOf(users.at(-1)?.content),
    toolResults: blocks.filter((block) => block.type === 'tool_result').map((block) => textOf(block.content)),
    stream: body.stream === true,
  };
}

type ContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown };

function contentOf(reply: ScriptedReply, index: number): ContentBlock[] {
  const text: ContentBlock[] = reply.text ? [{ type: 'text', text: reply.text }] : [];
  const tools = (reply.toolCalls ?? []).map(
    (call, position): ContentBlock => ({
      type: 'tool_use',
      id: `toolu_${index}_${position}`,
      name: call.name,
      input: call.args,
    }),
  );
  return [...text, ...tools];
}

/** Answers with `reply` as one JSON message or as a server-sent event stream. */
export function writeAnthropicReply(
  response: ServerResponse,
  reply: ScriptedReply,
  stream: boolean,
  index: number,
): void {
  const stop_reason = reply.toolCalls?.length ? 'tool_use' : 'end_turn';
  const message = {
    id: `msg_${index}`,
    type: 'message',
    role: 'assistant',
    model: 'fake-claude',
    stop_sequence: null,
  };
  const content = contentOf(reply, index);
  if (!stream) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ ...message, content, stop_reason, usage: { input_tokens: 42, output_tokens: 7 } }),
    );
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  const send = (data: Record<string, unknown>) =>
    response.write(`event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`);
  send({
    type: 'message_start',
    message: { ...message, content: [], stop_reason: null, usage: { input_tokens: 42, output_tokens: 1 } },
  });
  content.forEach((block, position) => {
    if (block.type === 'text') {
      send({ type: 'content_block_start', index: position, content_block: { type: 'text', text: '' } });
      for (const piece of splitIntoPieces(block.text))
        send({ type: 'content_block_delta', index: position, delta: { type: 'text_delta', text: piece } });
    } else {
      send({ type: 'content_block_start', index: position, content_block: { ...block, input: {} } });
      send({
        type: 'content_block_delta',
        index: position,
        delta: {
          type: 'input_json_delta',
          partial_json: JSON.stringify(block.input),
        },
      });
    }
    send({ type: 'content_block_stop', index: position });
  });
  send({ type: 'message_delta', delta: { stop_reason, stop_sequence: null }, usage: { output_tokens: 7 } });
  send({ type: 'message_stop' });
  response.end();
}
