// What a scripted model answers, and what it saw: the protocol-neutral view the fake servers share.

/** One tool call the scripted model makes. */
export interface ScriptedToolCall {
  /** The tool's name. */
  name: string;
  /** Its arguments, sent as JSON. */
  args: unknown;
}

/** The scripted model's answer to one request. */
export interface ScriptedReply {
  /** Text to say (streamed in a few pieces when the request asks for a stream). */
  text?: string;
  /** Tools to call. */
  toolCalls?: ScriptedToolCall[];
}

/** A request as the scripted model reads it, whatever the wire protocol. */
export interface SeenRequest {
  /** The parsed JSON body as sent. */
  body: Record<string, unknown>;
  /** The names of the tools offered. */
  toolNames: string[];
  /** The system prompt text. */
  system: string;
  /** The text of the last user message. */
  lastUserText: string;
  /** Tool results in the prompt, as the text the model reads, oldest first. */
  toolResults: string[];
  /** Whether the client asked for a stream. */
  stream: boolean;
}

/** Decides the answer to the `index`-th request (0-based). */
export type Script = (request: SeenRequest, index: number) => ScriptedReply;

/** Splits text into a few pieces, as a streaming model sends it. */
export function splitIntoPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}
