// Turns what a business gives (an article, question/answer pairs, fetched pages) into the documents
// and passages the store indexes, each passage with the word stems the term counts keep.
import type { KnowledgeDocumentInput } from '../store/index.js';
import { contentStems } from '../tools/index.js';
import { type ArticleFormat, type KnowledgeText, readMarkdown, readPlainText } from './knowledge-text.js';
import type { LoadedPage } from './load-pages.js';
import { type FaqPair, parseFaqCsv } from './parse-faq-csv.js';
import { readHtml } from './read-html.js';
import { splitPassages } from './split-passages.js';
import { normalizePhrases } from './synonyms.js';

/** Characters of an article accepted at most (about 200 pages of text). */
export const MAX_ARTICLE_CHARS = 1_000_000;

/** The distinct stems of the content words of `texts` (phrases of one meaning as one word, as questions read them). */
export function termsOf(...texts: string[]): string[] {
  return [...new Set(texts.flatMap((text) => contentStems(normalizePhrases(text))))];
}

/** A document with its passages, from knowledge text. */
export function toDocument(
  read: KnowledgeText,
  extra: { url?: string | null; fetchedAt?: string | null } = {},
): KnowledgeDocumentInput {
  const passages = splitPassages(read).map((passage) => ({
    ...passage,
    terms: termsOf(read.title, passage.heading, passage.text),
  }));
  return {
    title: read.title,
    url: extra.url ?? null,
    text: read.text,
    fetchedAt: extra.fetchedAt ?? null,
    passages,
  };
}

/** Reads an article's body in its format; the title given wins over the one the body has. */
export function readArticle(options: { title?: string; body: string; format: ArticleFormat }): KnowledgeText {
  const { body, format } = options;
  const read =
    format === 'html' ? readHtml(body) : format === 'markdown' ? readMarkdown(body) : readPlainText(body);
  return { title: options.title?.trim() || read.title, text: read.text };
}

/** One document per question, its answer as the text (the question is its title and heading). */
export function faqDocuments(pairs: FaqPair[]): KnowledgeDocumentInput[] {
  return pairs.map((pair) => {
    const text = readPlainText(pair.answer).text;
    return {
      title: pair.question,
      url: pair.url ?? null,
      text,
      passages: [{ heading: '', text, terms: termsOf(pair.question, text) }],
    };
  });
}

/** The documents of fetched pages; a failed page is kept, without passages, with its reason. */
export function pageDocuments(pages: LoadedPage[], fetchedAt: string): KnowledgeDocumentInput[] {
  return pages.map((page) =>
    page.ok
      ? toDocument(page, { url: page.url, fetchedAt })
      : { title: page.url, url: page.url, text: '', error: page.error, fetchedAt, passages: [] },
  );
}

/** What an article or a question/answer file is made of, before it is read. */
export type SourceContent =
  | { kind: 'article'; title?: string; body: string; format: ArticleFormat; url?: string | null }
  | { kind: 'faq'; name: string; csv: string }
  | { kind: 'faq'; name: string; pairs: FaqPair[] };

/** A source read into its name and documents, or what is wrong with it. */
export type ReadSourceResult =
  | { ok: true; name: string; documents: KnowledgeDocumentInput[] }
  | { ok: false; message: string };

/** Reads an article or a question/answer file into documents; an article without text or title is refused. */
export function readSourceContent(content: SourceContent): ReadSourceResult {
  if (content.kind === 'faq') {
    const parsed = 'csv' in content ? parseFaqCsv(content.csv) : { ok: true as const, value: content.pairs };
    if (!parsed.ok) return parsed;
    return { ok: true, name: content.name, documents: faqDocuments(parsed.value) };
  }
  if (content.body.length > MAX_ARTICLE_CHARS)
    return {
      ok: false,
      message: `the article has ${content.body.length} characters, over the limit of ${MAX_ARTICLE_CHARS}`,
    };
  const read = readArticle(content);
  if (!read.text.trim()) return { ok: false, message: 'the article has no text' };
  if (!read.title)
    return { ok: false, message: 'the article needs a title (give one, or start it with a heading)' };
  return { ok: true, name: read.title, documents: [toDocument(read, { url: content.url ?? null })] };
}
