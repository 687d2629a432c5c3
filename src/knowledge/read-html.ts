// The main text of an HTML page (navigation, footers and scripts left out) as knowledge text:
// Mozilla's Readability over a linkedom document, then headings, paragraphs, list items and table
// rows written one per block.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { KnowledgeText } from './knowledge-text.js';

/** The few DOM members read here (the project compiles without the DOM library's types). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

interface DomDocument {
  title: string;
  body: DomNode | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode & { remove(): void }>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'BUTTON',
  'SELECT',
  'INPUT',
  'TEXTAREA',
]);
// Page chrome, dropped before Readability reads the page (it keeps it on short pages): the site's
// header, navigation, footer, sidebars and forms. An article's own header stays.
const CHROME =
  'nav, body > header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="search"]';
const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'BLOCKQUOTE',
  'PRE',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'FIGURE',
  'FIGCAPTION',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'HR',
]);

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Writes the blocks of `root` as lines: `## Heading`, paragraphs, `- item`, `cell | cell`. */
function writeBlocks(root: DomNode): string {
  const blocks: string[] = [];
  let inline = '';
  const flush = (prefix = '') => {
    const text = collapse(inline);
    if (text) blocks.push(prefix + text);
    inline = '';
  };
  const visit = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      inline += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      inline += '\n';
      return;
    }
    const heading = /^H([1-6])$/.exec(name);
    if (heading || name === 'LI' || name === 'TR') {
      flush();
      if (name === 'TR') {
        const cells = Array.from(node.childNodes)
          .filter((cell) => cell.nodeType === ELEMENT_NODE)
          .map((cell) => collapse(cell.textContent ?? ''))
          .filter(Boolean);
        if (cells.length > 0) blocks.push(cells.join(' | '));
        return;
      }
      for (const child of Array.from(node.childNodes)) visit(child);
      flush(heading ? `${'#'.repeat(Number(heading[1]))} ` : '- ');
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) visit(child);
    if (block) flush();
  };
  visit(root);
  flush();
  return blocks.join('\n\n');
}

/** A short title: the main content's heading, else the `<title>` without the site's name, else any heading. */
function readTitle(document: DomDocument): string {
  const headingIn = (selector: string) => collapse(document.querySelector(selector)?.textContent ?? '');
  const main = headingIn('main h1') || headingIn('article h1') || headingIn('[role="main"] h1');
  if (main && main.length <= 150) return main;
  const title = collapse(document.title || '');
  const first = title.split(/\s[|–—·-]\s/)[0]?.trim() || title;
  if (first) return first;
  const heading = headingIn('h1') || headingIn('h2');
  return heading.length <= 150 ? heading : '';
}

/** Reads the main text of `html`; an empty `text` when the page has none. */
export function readHtml(html: string): KnowledgeText {
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const title = readTitle(document);
  for (const element of Array.from(document.querySelectorAll(CHROME))) element.remove();
  // Readability changes the document it reads: the fallback parses the page again.
  const article = new Readability(document as never, {
    serializer: (node: unknown) => node,
    charThreshold: 200,
  }).parse();
  const content = article?.content as DomNode | null | undefined;
  let text = content ? writeBlocks(content) : '';
  if (!text.trim()) {
    const fresh = (parseHTML(html) as unknown as { document: DomDocument }).document;
    for (const element of Array.from(fresh.querySelectorAll(CHROME))) element.remove();
    text = fresh.body ? writeBlocks(fresh.body) : '';
  }
  return { title: title || collapse(article?.title ?? ''), text };
}
