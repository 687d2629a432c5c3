// Knowledge sources beside the API: articles, web pages and question/answer files read into passages,
// and the search that finds the passages answering a customer's question.
export {
  type AnalyzedQuestion,
  analyzeQuestion,
  FRAME_WORDS,
  type QuestionTerm,
} from './analyze-question.js';
export { type ArticleFormat, type KnowledgeText, readMarkdown, readPlainText } from './knowledge-text.js';
export {
  type FetchedText,
  type FetchText,
  type LoadedPage,
  type LoadPagesOptions,
  loadPages,
  readPage,
  SitemapError,
} from './load-pages.js';
export { type FaqPair, type FaqParseResult, MAX_FAQ_ROWS, parseFaqCsv } from './parse-faq-csv.js';
export { type RankedPassage, rankPassages } from './rank-passages.js';
export {
  MAX_ARTICLE_CHARS,
  pageDocuments,
  type ReadSourceResult,
  readSourceContent,
  type SourceContent,
} from './read-documents.js';
export { readHtml } from './read-html.js';
export {
  type KnowledgeSearchResult,
  MIN_RELEVANCE,
  type SearchKnowledgeOptions,
  searchKnowledge,
} from './search-knowledge.js';
export { type PassageDraft, splitPassages, splitSentences } from './split-passages.js';
