// Scores a reply against a case's `expect.reply`, and against what no reply may ever show: nothing at
// all, HTML markup, raw JSON, or the executor's notes to the model.
import { compilePattern, type ReplyExpectation, type ReplyPattern } from './load-reply-case.js';

/** What no reply may contain, whatever the case says. */
const NEVER: { problem: string; test: RegExp }[] = [
  { problem: 'shows HTML markup', test: /<\/?[a-z!][a-z0-9-]*(?:\s[^<>]*)?>/i },
  { problem: 'shows raw JSON', test: /[{[]\s*"[^"\n]{1,80}"\s*:/ },
  { problem: "shows the executor's note to the model", test: /\[(?:Cut to fit|The response was larger)/ },
];

const describePattern = (pattern: ReplyPattern) =>
  typeof pattern === 'string' ? JSON.stringify(pattern) : `one of ${JSON.stringify(pattern.anyOf)}`;

function found(pattern: ReplyPattern, text: string): boolean {
  const alternatives = typeof pattern === 'string' ? [pattern] : pattern.anyOf;
  return alternatives.some((alternative) => compilePattern(alternative)(text));
}

/** The problems of `reply` for `expected`: empty when it passes. */
export function scoreReply(expected: ReplyExpectation, reply: string): string[] {
  const problems: string[] = [];
  if (!reply.trim()) return ['the reply is empty'];
  for (const rule of NEVER) if (rule.test.test(reply)) problems.push(rule.problem);
  for (const pattern of expected.includes)
    if (!found(pattern, reply)) problems.push(`lacks ${describePattern(pattern)}`);
  for (const pattern of expected.excludes)
    if (found(pattern, reply)) problems.push(`contains ${describePattern(pattern)}`);
  if (expected.maxLength !== undefined && reply.length > expected.maxLength)
    problems.push(`is ${reply.length} characters long, more than ${expected.maxLength}`);
  return problems;
}
