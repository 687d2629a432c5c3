// Evaluation for any model: load suites, ask the model for its tool choice and for its reply to the
// API's answers as the agent would, score, aggregate.
export { decideCase, type EvalTool, toModelTools } from './decide-case.js';
export type { ReplyExpectation, ReplyPattern, SuiteResult } from './load-reply-case.js';
export {
  loadSuite,
  type Suite,
  type SuiteCase,
  type SuiteExpectation,
  type SuiteKnowledgeSource,
  type SuiteMessage,
} from './load-suite.js';
export {
  type EvalKnowledge,
  type KnowledgeCaseResult,
  matchesSource,
  type PrepareKnowledge,
  runKnowledgeCase,
} from './run-knowledge-case.js';
export {
  type CaseFailure,
  type CompileSuiteSchema,
  type EvalFigures,
  type EvalReport,
  type RunSuitesOptions,
  runSuites,
  type SuiteReport,
} from './run-suite.js';
export { type CaseScore, type EvalDecision, matchesExpected, scoreDecision } from './score-decision.js';
export { scoreReply } from './score-reply.js';
