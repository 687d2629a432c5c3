// Weighs an operation that changes or removes something against a message that does not ask for that
// change: "Where is my order?" reads an order; cancelling it must be asked for.
import type { EngineTool } from '../catalog/engine-tool.js';
import { splitWords } from '../language/split-words.js';
import { stemWord } from '../language/stem-word.js';
import { conceptOf } from '../language/synonyms.js';

/** Verbs of operations that write, send or destroy: never inferred from a question about the thing. */
const WRITE_ACTIONS = new Set(
  [
    'cancel',
    'delete',
    'remove',
    'create',
    'update',
    'modify',
    'edit',
    'change',
    'reset',
    'book',
    'reserve',
    'pay',
    'purchase',
    'send',
    'submit',
    'refund',
    'close',
    'terminate',
    'revoke',
    'disable',
    'transfer',
    'archive',
    'replace',
    'approve',
    'reject',
    'block',
    'unsubscribe',
  ].map((word) => conceptOf(stemWord(word))),
);

/** How much an unasked write weighs against the operation. */
const UNASKED_WRITE = 0.9;

const conceptsOf = (text: string) => new Set(splitWords(text).map((word) => conceptOf(stemWord(word))));

/** The action verb of a tool: the first word of its name and of its summary line. */
function actionConcepts(tool: EngineTool): string[] {
  const summary = tool.description.split(/\n|(?<=[.!?])\s/)[0] ?? '';
  return [splitWords(tool.name)[0], splitWords(summary)[0]]
    .filter((word): word is string => Boolean(word))
    .map((word) => conceptOf(stemWord(word)));
}

/** 1, or less when the tool's action writes or destroys and the message does not ask for it. */
export function measureActionFit(tool: EngineTool, text: string): number {
  const writes = actionConcepts(tool).filter((concept) => WRITE_ACTIONS.has(concept));
  if (writes.length === 0) return 1;
  const message = conceptsOf(text);
  return writes.some((concept) => message.has(concept)) ? 1 : UNASKED_WRITE;
}
