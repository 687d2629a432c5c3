import { describe, expect, it } from 'vitest';
import { readMarkdown, readPlainText } from './knowledge-text.js';
import { type FetchedText, loadPages, readPage, SitemapError } from './load-pages.js';
import { MAX_FAQ_ROWS, parseFaqCsv } from './parse-faq-csv.js';
import { readSourceContent } from './read-documents.js';
import { readHtml } from './read-html.js';
import { splitPassages } from './split-passages.js';

describe('reading sources', () => {
  it('reads Markdown into headings, paragraphs, list items and table rows, without its syntax', () => {
    const read = readMarkdown(
      '# Returns\n\nYou can **return** any [item](https://x.example) within *30 days*.\nIn its `box`.\n\n## How\n\n1. Open your order\n2. Click Return\n\n| Item | Days |\n|---|---|\n| Bags | 30 |\n\nNote\n----\n\nKeep the receipt.',
    );
    expect(read).toEqual({
      title: 'Returns',
      text: '# Returns\n\nYou can return any item within 30 days. In its box.\n\n## How\n\n- Open your order\n\n- Click Return\n\nItem | Days\n\nBags | 30\n\n## Note\n\nKeep the receipt.',
    });
  });

  it("reads an HTML page's main text: its heading as title, navigation, footer and scripts left out", () => {
    const read = readHtml(
      '<html><head><title>Shipping | Shop</title><script>track()</script></head><body><nav><a href="/">Home</a></nav><main><article><h1>Shipping</h1><p>We ship to Canada within 5 days. Orders placed before noon leave the same day.</p><h2>Costs</h2><ul><li>Standard: $5</li><li>Express: $15</li></ul></article></main><footer>© Shop. Newsletter.</footer></body></html>',
    );
    expect(read.title).toBe('Shipping');
    expect(read.text).toContain('We ship to Canada within 5 days.');
    expect(read.text).toContain('## Costs\n\n- Standard: $5\n\n- Express: $15');
    expect(read.text).not.toMatch(/Home|Newsletter|track\(\)/);
    // A page too short for Readability is read whole, still without its chrome.
    expect(
      readHtml('<html><body><nav>Menu</nav><p>Open 9 to 5.</p><footer>foot</footer></body></html>'),
    ).toEqual({
      title: '',
      text: 'Open 9 to 5.',
    });
  });

  it('reads plain text: a short line before its paragraph is a heading, the first one the title', () => {
    expect(
      readPlainText('Payment options\n\nWe accept cards.\n\nInstalments\nPay in three parts.\n- No fees\n'),
    ).toEqual({
      title: 'Payment options',
      text: '# Payment options\n\nWe accept cards.\n\n## Instalments\n\nPay in three parts.\n\n- No fees',
    });
  });

  it('reads question/answer CSVs with or without a header, by comma, semicolon or tab, and names a bad row', () => {
    expect(
      parseFaqCsv('\uFEFFQuestion,Answer,URL\n"Do you ship?","Yes, worldwide.",https://x.example/ship\n'),
    ).toEqual({
      ok: true,
      value: [{ question: 'Do you ship?', answer: 'Yes, worldwide.', url: 'https://x.example/ship' }],
    });
    expect(parseFaqCsv('Do you ship?;Yes, worldwide.\nGift wrap?;Yes\n')).toMatchObject({
      ok: true,
      value: [{ question: 'Do you ship?', answer: 'Yes, worldwide.' }, { question: 'Gift wrap?' }],
    });
    expect(parseFaqCsv('a\tb\n')).toMatchObject({ ok: true, value: [{ question: 'a', answer: 'b' }] });
    expect(parseFaqCsv('question,answer\nx,\n')).toEqual({
      ok: false,
      message: 'row 2: the answer to "x" is empty',
    });
    expect(parseFaqCsv('question,answer\n"open quote,x\n')).toMatchObject({
      ok: false,
      message: /cannot be read/,
    });
    expect(parseFaqCsv('only one column\n')).toEqual({
      ok: false,
      message: 'row 1 has one column: give a question and its answer',
    });
    expect(parseFaqCsv('')).toEqual({ ok: false, message: 'the CSV has no rows' });
    expect(parseFaqCsv(`q,a\n${'x,y\n'.repeat(MAX_FAQ_ROWS + 1)}`)).toMatchObject({
      ok: false,
      message: /over the limit/,
    });
  });

  it('splits at headings (keeping the path), cuts long sections, and joins a one-line introduction to what follows', () => {
    const long = Array.from(
      { length: 40 },
      (_, index) => `Sentence number ${index} says something useful here.`,
    ).join(' ');
    const passages = splitPassages({
      title: 'Care',
      text: `# Care\n\nA little care goes far.\n\n## Leather\n\n### Rain\n\nBlot it dry.\n\n## Canvas\n\n${long}`,
    });
    // A short section of its own stays under its heading.
    expect(passages[0]).toEqual({ heading: 'Leather › Rain', text: 'A little care goes far.\nBlot it dry.' });
    expect(passages.slice(1).every((passage) => passage.heading === 'Canvas')).toBe(true);
    expect(passages.length).toBeGreaterThan(2);
    expect(
      passages
        .slice(1)
        .map((passage) => passage.text.replaceAll('\n', ' '))
        .join(' '),
    ).toBe(long);
  });

  it('refuses an article without text or title, and reads its title from its heading', () => {
    expect(readSourceContent({ kind: 'article', body: '   ', format: 'text' })).toEqual({
      ok: false,
      message: 'the article has no text',
    });
    expect(
      readSourceContent({ kind: 'article', body: 'No heading here.', format: 'markdown' }),
    ).toMatchObject({
      ok: false,
      message: /needs a title/,
    });
    expect(
      readSourceContent({ kind: 'article', body: '# Warranty\n\nTwo years.', format: 'markdown' }),
    ).toMatchObject({
      ok: true,
      name: 'Warranty',
    });
  });
});

describe('loading web pages', () => {
  const site = (pages: Record<string, { text: string; type?: string }>) => {
    const asked: string[] = [];
    const fetchText = async (url: string): Promise<FetchedText> => {
      asked.push(url);
      const page = pages[url];
      return page
        ? { ok: true, value: { text: page.text, contentType: page.type ?? 'text/html' } }
        : { ok: false, error: { message: `GET ${url} failed with 404 Not Found` } };
    };
    return { asked, fetchText };
  };

  it('follows a sitemap index up to the page cap, keeps failed pages with their reason, and refuses files that are no pages', async () => {
    const { asked, fetchText } = site({
      'https://x.example/sitemap.xml': {
        text: '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.example/pages.xml</loc></sitemap></sitemapindex>',
        type: 'application/xml',
      },
      'https://x.example/pages.xml': {
        text: '<urlset><url><loc>https://x.example/a</loc></url><url><loc>https://x.example/guide.pdf</loc></url><url><loc>https://x.example/gone</loc></url><url><loc>https://x.example/d</loc></url></urlset>',
        type: 'application/xml',
      },
      'https://x.example/a': {
        text: '<html><head><title>A | X</title></head><body><p>Page a.</p></body></html>',
      },
      'https://x.example/guide.pdf': { text: '%PDF-1.4', type: 'application/pdf' },
    });
    const pages = await loadPages({ sitemapUrl: 'https://x.example/sitemap.xml', maxPages: 3, fetchText });
    expect(pages).toEqual([
      { url: 'https://x.example/a', ok: true, title: 'A', text: 'Page a.' },
      { url: 'https://x.example/guide.pdf', ok: false, error: 'not a web page: it is application/pdf' },
      {
        url: 'https://x.example/gone',
        ok: false,
        error: 'GET https://x.example/gone failed with 404 Not Found',
      },
    ]);
    expect(asked).not.toContain('https://x.example/d');
  });

  it('fails the whole load when the sitemap cannot be read or is none', async () => {
    const { fetchText } = site({
      'https://x.example/not-a-sitemap': { text: '<html><body>hi</body></html>' },
    });
    await expect(
      loadPages({ sitemapUrl: 'https://x.example/not-a-sitemap', maxPages: 5, fetchText }),
    ).rejects.toThrow(SitemapError);
    await expect(
      loadPages({ sitemapUrl: 'https://x.example/missing.xml', maxPages: 5, fetchText }),
    ).rejects.toThrow(/the sitemap https:\/\/x\.example\/missing\.xml cannot be read: GET .* 404/);
  });

  it('reads Markdown and text pages, and names a page without a title by its address', () => {
    expect(readPage('# Hours\n\nOpen daily.', 'text/markdown', 'https://x.example/hours')).toMatchObject({
      title: 'Hours',
    });
    expect(readPage('Open daily.', 'text/plain', 'https://x.example/opening-hours')).toMatchObject({
      title: 'Opening hours',
      text: 'Open daily.',
    });
    expect(readPage('<html><body></body></html>', 'text/html', 'https://x.example/')).toEqual({
      url: 'https://x.example/',
      ok: false,
      error: 'the page has no text',
    });
  });
});
