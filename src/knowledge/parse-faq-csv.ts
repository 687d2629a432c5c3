// Question and answer pairs from a CSV file (csv-parse): a `question` and an `answer` column (an
// optional `url` one), or the first two columns when there is no header; comma, semicolon or tab.
import { CsvError, parse } from 'csv-parse/sync';

/** One question with its answer. */
export interface FaqPair {
  question: string;
  answer: string;
  /** A link to the answer on the business's site, when the file has a `url` column. */
  url?: string;
}

/** Pairs read, or what is wrong and where. */
export type FaqParseResult = { ok: true; value: FaqPair[] } | { ok: false; message: string };

/** Rows accepted at most in one file. */
export const MAX_FAQ_ROWS = 5_000;

const QUESTION = /^(?:questions?|q|faq|title|frage|pregunta)$/i;
const ANSWER = /^(?:answers?|a|response|reply|body|antwort|respuesta)$/i;
const URL_COLUMN = /^(?:url|link|source|href)$/i;

/** The delimiter used most on the first line (a tab or semicolon before a comma on a tie: answers have commas). */
function guessDelimiter(text: string): string {
  const first = text.split('\n', 1)[0] ?? '';
  const counts = ['\t', ';', ','].map((delimiter) => [delimiter, first.split(delimiter).length] as const);
  return counts.reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** Reads the pairs of a CSV text; an empty cell or a malformed line is an error naming its line. */
export function parseFaqCsv(text: string): FaqParseResult {
  const source = text.replace(/^\uFEFF/, '');
  let rows: string[][];
  try {
    rows = parse(source, {
      delimiter: guessDelimiter(source),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
    const reason = error instanceof Error ? error.message.replace(/^Invalid [^:]*:\s*/, '') : String(error);
    return { ok: false, message: `the CSV cannot be read${line ? ` at line ${line}` : ''}: ${reason}` };
  }
  if (rows.length === 0) return { ok: false, message: 'the CSV has no rows' };
  const header = rows[0];
  let columns = { question: 0, answer: 1, url: -1 };
  let start = 0;
  const questionColumn = header.findIndex((cell) => QUESTION.test(cell));
  const answerColumn = header.findIndex((cell) => ANSWER.test(cell));
  if (questionColumn >= 0 && answerColumn >= 0) {
    columns = {
      question: questionColumn,
      answer: answerColumn,
      url: header.findIndex((cell) => URL_COLUMN.test(cell)),
    };
    start = 1;
  }
  if (rows.length - start > MAX_FAQ_ROWS)
    return {
      ok: false,
      message: `the CSV has ${rows.length - start} rows, over the limit of ${MAX_FAQ_ROWS}`,
    };
  const pairs: FaqPair[] = [];
  for (let index = start; index < rows.length; index++) {
    const row = rows[index];
    const where = `row ${index + 1}`;
    if (row.length < 2)
      return { ok: false, message: `${where} has one column: give a question and its answer` };
    const question = row[columns.question]?.trim() ?? '';
    const answer = row[columns.answer]?.trim() ?? '';
    if (!question) return { ok: false, message: `${where}: the question is empty` };
    if (!answer) return { ok: false, message: `${where}: the answer to "${question.slice(0, 80)}" is empty` };
    const url = columns.url >= 0 ? row[columns.url]?.trim() : undefined;
    pairs.push({ question, answer, ...(url ? { url } : {}) });
  }
  if (pairs.length === 0) return { ok: false, message: 'the CSV has a header but no questions' };
  return { ok: true, value: pairs };
}
