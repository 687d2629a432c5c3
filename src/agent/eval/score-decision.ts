// Scores one decision against a case's expectation, with the matching rules of shared/eval/README.md.

/** The decision a model made: the operation it called (or `none`) and the arguments. */
export interface EvalDecision {
  call: string;
  args: Record<string, unknown>;
}

/** How one case went. */
export interface CaseScore {
  /** The right operation (or rightly none). */
  callCorrect: boolean;
  /** For an expected call that was made: every listed argument matches; undefined otherwise. */
  argsCorrect: boolean | undefined;
  /** The listed arguments that did not match. */
  wrongArgs: string[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Scalars: strings trimmed and case-folded; a number equals a string of the same number. */
function equalScalars(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'string' && typeof actual === 'string') {
    return expected.trim().toLowerCase() === actual.trim().toLowerCase();
  }
  const numeric = (value: unknown) =>
    typeof value === 'number' ||
    (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)));
  if (numeric(expected) && numeric(actual) && (typeof expected === 'number' || typeof actual === 'number')) {
    return Number(expected) === Number(actual);
  }
  return expected === actual;
}

/** Deep equality with the scalar rules, for alternatives that are lists or objects. */
export function deepMatches(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((item, index) => deepMatches(item, actual[index]))
    );
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return false;
    return Object.entries(expected).every(([key, value]) => matchesExpected(value, actual[key]));
  }
  return equalScalars(expected, actual);
}

/** Whether `actual` satisfies one expected argument value (scalar, list of scalars, or anyOf form). */
export function matchesExpected(expected: unknown, actual: unknown): boolean {
  if (isPlainObject(expected) && Array.isArray(expected.anyOf)) {
    if (actual === undefined) return expected.optional === true;
    return expected.anyOf.some((alternative) => deepMatches(alternative, actual));
  }
  if (actual === undefined) return false;
  if (Array.isArray(expected)) return expected.some((alternative) => deepMatches(alternative, actual));
  return deepMatches(expected, actual);
}

/** Scores `decision` against the expected call and arguments. */
export function scoreDecision(
  expected: { call: string; args?: Record<string, unknown> },
  decision: EvalDecision,
): CaseScore {
  const callCorrect = expected.call === decision.call;
  if (!callCorrect || expected.call === 'none') return { callCorrect, argsCorrect: undefined, wrongArgs: [] };
  const wrongArgs = Object.entries(expected.args ?? {})
    .filter(([name, value]) => !matchesExpected(value, decision.args[name]))
    .map(([name]) => name);
  return { callCorrect, argsCorrect: wrongArgs.length === 0, wrongArgs };
}
