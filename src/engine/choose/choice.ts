// What choosing an operation for a message reads, and what it decides.
import type { OfferedRanking } from '../../tools/index.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import type { ParameterInfo } from '../catalog/list-parameters.js';
import type { TextReadings } from '../fill/read-text.js';

/** The outcome of choosing. */
export type Choice =
  | {
      type: 'call';
      tool: EngineTool;
      input: Record<string, unknown>;
      /** The message asks (a question) or asks for a change (a verb), rather than only telling. */
      requests: boolean;
    }
  | { type: 'ask'; tool: EngineTool; missing: ParameterInfo[] }
  /** The message asks for a change that no operation makes: its verb and what follows it. */
  | { type: 'unable'; action: { word: string; rest: string } }
  | { type: 'none' };

/** What the chooser reads. */
export interface ChooseToolOptions {
  tools: EngineTool[];
  /** The customer's message. */
  text: string;
  /** The customer's earlier request when this message answers the assistant's question. */
  earlierText?: string;
  /** Recent earlier messages of the conversation. */
  context?: string;
  /** The same messages one by one, most recent first: where a follow-up's ids come from. */
  earlierTurns?: string[];
  /** What the ranking reads instead of the message (the request a follow-up continues). */
  rankText?: string;
  /** The agent's base prompt and rules. */
  system?: string;
  /** The whole catalog the tools were offered from, when the agent passes it. */
  ranking?: OfferedRanking;
  /** What relative dates count from; default the clock's now. */
  now?: Date;
  /** The texts the decision has read already, shared by its fills (`now` then comes from them). */
  readings?: TextReadings;
}
