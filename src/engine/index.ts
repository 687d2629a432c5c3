// The built-in offline model: intent matching, argument extraction, clarifying questions, grounded answers.
export { createEmbeddedModel, type EmbeddedModelOptions } from './create-embedded-model.js';
export { type Decision, decideTurn, HANDOFF_TOOL_NAME } from './decide-turn.js';
export { warmEngine } from './warm-engine.js';
