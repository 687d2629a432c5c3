import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeDialects } from '../../store/test-support/store-dialects.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

const RETURNS = `# Returns and refunds

You can return any unused item within 30 days of delivery for a full refund. Items must be unworn, with their tags.

## Refunds

We refund to your original payment method within 5 business days of receiving the item.`;

// A page as a business would paste it: navigation and footer around the article.
const SHIPPING_PAGE = `<!doctype html><html><head><title>Shipping | Harbor Goods</title></head><body>
<nav><a href="/">Home</a> <a href="/shop">Shop</a> <a href="/help">Help</a></nav>
<main><article><h1>Shipping</h1>
<p>We ship to Canada, the United Kingdom and Australia with DHL Express. International delivery takes 4 to 8 business days and costs a flat $25.</p>
<p>Orders within the US ship free over $75.</p></article></main>
<footer>© Harbor Goods. Privacy. Terms. Sign up for our newsletter.</footer></body></html>`;

const FAQ = `question,answer
Do you offer gift wrapping?,"Yes, gift wrapping is $5 at checkout, with a handwritten card."
Can I change my order?,"You can change an order until it ships, usually within a few hours."`;

/** A website on 127.0.0.1: a sitemap, pages whose text can change, one page that is missing. */
async function startSite() {
  const pages = new Map<string, string>([
    [
      '/help/warranty',
      '<html><head><title>Warranty</title></head><body><main><h1>Warranty</h1><p>Every bag has a 2-year warranty against broken stitching and failed zippers.</p></main></body></html>',
    ],
    [
      '/help/care',
      '<html><head><title>Leather care</title></head><body><main><h1>Leather care</h1><p>Condition the leather every three months with a neutral conditioner.</p></main></body></html>',
    ],
  ]);
  // `held`: pages wait for it (a slow site), and `arrived` is called when a page request waits.
  const state: { failing: boolean; held?: Promise<void>; arrived?: () => void } = { failing: false };
  const server: Server = createServer(async (request, response) => {
    const origin = `http://${request.headers.host}`;
    if (request.url === '/sitemap.xml') {
      response.writeHead(200, { 'content-type': 'application/xml' });
      response.end(
        `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${[
          ...pages.keys(),
          '/help/missing',
        ]
          .map((path) => `<url><loc>${origin}${path}</loc></url>`)
          .join('')}</urlset>`,
      );
      return;
    }
    if (state.held) {
      state.arrived?.();
      await state.held;
    }
    const page = pages.get(request.url ?? '');
    if (state.failing) {
      response.writeHead(503).end('down for maintenance');
      return;
    }
    if (!page) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    origin: `http://${host}`,
    pages,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`knowledge sources on ${dialect.name}`, () => {
    let site: Awaited<ReturnType<typeof startSite>>;
    let test: TestApp;
    let propertyId: string;
    let agentId: string;

    beforeAll(async () => {
      site = await startSite();
    });
    afterAll(async () => {
      await site.close();
    });
    beforeEach(async () => {
      test = await openTestApp(dialect, { allowHosts: [site.host] });
      propertyId = (
        await test.call({ method: 'POST', url: '/api/v1/properties', payload: { name: 'Harbor' } })
      ).json().id;
      agentId = (
        await test.call({
          method: 'POST',
          url: `/api/v1/properties/${propertyId}/agents`,
          payload: { name: 'Bot' },
        })
      ).json().id;
    });
    afterEach(async () => {
      await test.close();
    });

    const addSource = (payload: Record<string, unknown>) =>
      test.call({ method: 'POST', url: `/api/v1/properties/${propertyId}/knowledge-sources`, payload });
    const enable = (sourceId: string, enabled = true) =>
      test.call({
        method: 'PUT',
        url: `/api/v1/agents/${agentId}/knowledge-sources/${sourceId}`,
        payload: { enabled },
      });
    async function ask(text: string) {
      const conversation = (
        await test.call({ method: 'POST', url: `/api/v1/agents/${agentId}/conversations`, payload: {} })
      ).json();
      const turn = await test.call({
        method: 'POST',
        url: `/api/v1/conversations/${conversation.id}/messages`,
        payload: { text },
      });
      expect(turn.statusCode).toBe(200);
      return { conversationId: conversation.id as string, ...turn.json() };
    }

    it('answers from an article, a pasted page and a CSV of questions switched on for the agent, naming the source', async () => {
      const article = await addSource({
        kind: 'article',
        body: RETURNS,
        url: 'https://harbor.example/help/returns',
      });
      expect(article.statusCode).toBe(201);
      expect(article.json()).toMatchObject({
        kind: 'article',
        name: 'Returns and refunds',
        format: 'markdown',
        documentCount: 1,
        passageCount: 2,
        content: RETURNS,
      });
      const page = (await addSource({ kind: 'article', format: 'html', body: SHIPPING_PAGE })).json();
      expect(page.name).toBe('Shipping');
      expect(page.documentCount).toBe(1);
      const [pageDocument] = (
        await test.call({ method: 'GET', url: `/api/v1/knowledge-sources/${page.id}` })
      ).json().documents;
      expect(pageDocument.text).toContain('We ship to Canada');
      expect(pageDocument.text).not.toMatch(/newsletter|Home/);
      const faq = (await addSource({ kind: 'faq', name: 'Harbor FAQ', csv: FAQ })).json();
      expect(faq).toMatchObject({ documentCount: 2, passageCount: 2, format: 'csv' });

      // Switched off, nothing is searched.
      const before = await ask("What's your return policy?");
      expect(before.trace.steps.some((step: { type: string }) => step.type === 'knowledge-search')).toBe(
        false,
      );
      for (const source of [article.json(), page, faq])
        expect((await enable(source.id)).json().enabled).toBe(true);

      const returns = await ask("What's your return policy?");
      expect(returns.reply.text).toContain('within 30 days of delivery');
      expect(returns.reply.text).toContain(
        '(Source: Returns and refunds — https://harbor.example/help/returns)',
      );
      expect(returns.trace.knowledgeSources).toEqual([
        {
          sourceId: article.json().id,
          title: 'Returns and refunds',
          url: 'https://harbor.example/help/returns',
        },
      ]);
      const shipping = await ask('Do you ship to Canada?');
      expect(shipping.reply.text).toContain('We ship to Canada, the United Kingdom and Australia');
      expect(shipping.reply.text).toContain('(Source: Shipping)');
      const wrapping = await ask('Can you gift wrap my order?');
      expect(wrapping.reply.text).toContain('gift wrapping is $5');
      expect(wrapping.trace.knowledgeSources[0]).toMatchObject({
        sourceId: faq.id,
        title: 'Do you offer gift wrapping?',
      });

      // The business sees the same sources on the conversation.
      const conversation = (
        await test.call({ method: 'GET', url: `/api/v1/conversations/${returns.conversationId}` })
      ).json();
      const stored = conversation.traces[0].steps;
      expect(stored.find((step: { type: string }) => step.type === 'data-sources').knowledge).toEqual(
        returns.trace.knowledgeSources,
      );
      const search = stored.find((step: { type: string }) => step.type === 'knowledge-search');
      expect(search.query).toBe("What's your return policy?");
      expect(search.passages[0]).toMatchObject({
        sourceId: article.json().id,
        title: 'Returns and refunds',
        heading: '',
      });
    });

    it('says it has no information when no source covers the question, inventing nothing', async () => {
      const article = (await addSource({ kind: 'article', body: RETURNS })).json();
      await enable(article.id);
      const turn = await ask('Do you sponsor local football teams?');
      expect(turn.reply.text).toBe(
        "I'm sorry, I don't have that information. If you would like, I can hand you over to a person.",
      );
      expect(turn.trace.knowledgeSources).toEqual([]);
      expect(
        turn.trace.steps.find((step: { type: string }) => step.type === 'knowledge-search').passages,
      ).toEqual([]);
    });

    it('refuses a page URL on loopback as it refuses a schema URL, saving nothing', async () => {
      const strict = await openTestApp(dialect);
      try {
        const property = (
          await strict.call({ method: 'POST', url: '/api/v1/properties', payload: { name: 'P' } })
        ).json();
        const response = await strict.call({
          method: 'POST',
          url: `/api/v1/properties/${property.id}/knowledge-sources`,
          payload: { kind: 'website', name: 'Help', urls: [`${site.origin}/help/warranty`] },
        });
        expect(response.statusCode).toBe(422);
        expect(response.json().error.message).toMatch(/refusing to fetch .*loopback.*CONCIERGE_ALLOW_HOSTS/);
        const sitemap = await strict.call({
          method: 'POST',
          url: `/api/v1/properties/${property.id}/knowledge-sources`,
          payload: { kind: 'website', name: 'Help', sitemapUrl: 'http://169.254.169.254/sitemap.xml' },
        });
        expect(sitemap.statusCode).toBe(422);
        expect(
          (
            await strict.call({ method: 'GET', url: `/api/v1/properties/${property.id}/knowledge-sources` })
          ).json().items,
        ).toEqual([]);
      } finally {
        await strict.close();
      }
    });

    it('reads a website from its sitemap, keeps failed pages with their reason, and fetches again on demand', async () => {
      const created = await addSource({
        kind: 'website',
        name: 'Help center',
        sitemapUrl: `${site.origin}/sitemap.xml`,
      });
      expect(created.statusCode).toBe(201);
      const website = created.json();
      expect(website).toMatchObject({
        kind: 'website',
        sitemapUrl: `${site.origin}/sitemap.xml`,
        maxPages: 25,
        documentCount: 3,
        failedDocumentCount: 1,
      });
      const detail = (
        await test.call({ method: 'GET', url: `/api/v1/knowledge-sources/${website.id}` })
      ).json();
      expect(
        detail.documents.map((document: { title: string; error: string | null }) => [
          document.title,
          document.error,
        ]),
      ).toEqual([
        ['Warranty', null],
        ['Leather care', null],
        [`${site.origin}/help/missing`, expect.stringMatching(/404/)],
      ]);
      await enable(website.id);
      expect((await ask('How do I condition leather?')).reply.text).toContain('every three months');

      site.pages.set(
        '/help/care',
        '<html><body><main><h1>Leather care</h1><p>Condition the leather twice a year with beeswax balm.</p></main></body></html>',
      );
      const refreshed = await test.call({
        method: 'POST',
        url: `/api/v1/knowledge-sources/${website.id}/refresh`,
      });
      expect(refreshed.statusCode).toBe(200);
      expect((await ask('How do I condition leather?')).reply.text).toContain('twice a year');

      // A refresh that can read no page keeps the pages the agent has.
      site.state.failing = true;
      const failed = await test.call({
        method: 'POST',
        url: `/api/v1/knowledge-sources/${website.id}/refresh`,
      });
      site.state.failing = false;
      expect(failed.statusCode).toBe(422);
      expect(failed.json().error.message).toMatch(
        /none of the 3 pages could be read; the first: GET .* failed with 503/,
      );
      expect((await ask('How do I condition leather?')).reply.text).toContain('twice a year');

      const capped = await test.call({
        method: 'PATCH',
        url: `/api/v1/knowledge-sources/${website.id}`,
        payload: { maxPages: 1 },
      });
      expect(capped.json()).toMatchObject({ maxPages: 1, documentCount: 1 });
    });

    it('answers 404, never 500, when a source is deleted while it is refreshed, changed or deleted', async () => {
      const create = async () =>
        (await addSource({ kind: 'website', name: 'Help', urls: [`${site.origin}/help/care`] })).json()
          .id as string;
      const remove = (id: string) => test.call({ method: 'DELETE', url: `/api/v1/knowledge-sources/${id}` });
      const slowly = async (id: string, start: () => ReturnType<TestApp['call']>) => {
        let release!: () => void;
        const arrived = new Promise<void>((resolve) => {
          state().arrived = resolve;
        });
        state().held = new Promise((resolve) => {
          release = resolve;
        });
        const pending = start();
        await arrived;
        expect((await remove(id)).statusCode).toBe(204);
        state().held = undefined;
        release();
        return pending;
      };
      const state = () => site.state;

      const refreshed = await create();
      const refresh = await slowly(refreshed, () =>
        test.call({ method: 'POST', url: `/api/v1/knowledge-sources/${refreshed}/refresh` }),
      );
      expect(refresh.statusCode).toBe(404);
      expect(refresh.json().error).toEqual({
        code: 'not-found',
        message: `knowledge source '${refreshed}' was not found`,
      });

      const changed = await create();
      const change = await slowly(changed, () =>
        test.call({
          method: 'PATCH',
          url: `/api/v1/knowledge-sources/${changed}`,
          payload: { urls: [`${site.origin}/help/warranty`] },
        }),
      );
      expect(change.statusCode).toBe(404);

      const twice = await create();
      // One deletes it; the other finds it gone (404) or, on PostgreSQL, may still have seen it (204).
      const statuses = (await Promise.all([remove(twice), remove(twice)])).map((each) => each.statusCode);
      expect(statuses).toContain(204);
      for (const status of statuses) expect([204, 404]).toContain(status);
      expect((await test.call({ method: 'GET', url: `/api/v1/knowledge-sources/${twice}` })).statusCode).toBe(
        404,
      );
    });

    it('refuses bad input with what was wrong and where', async () => {
      const badCsv = await addSource({ kind: 'faq', name: 'FAQ', csv: 'question,answer\n"Do you ship?",\n' });
      expect(badCsv.statusCode).toBe(422);
      expect(badCsv.json().error.message).toBe('row 2: the answer to "Do you ship?" is empty');
      const noTitle = await addSource({ kind: 'article', body: 'Just a sentence without a heading.' });
      expect(noTitle.statusCode).toBe(422);
      expect(noTitle.json().error.message).toMatch(/needs a title/);
      const wrongKind = await addSource({ kind: 'video', name: 'x' });
      expect(wrongKind.statusCode).toBe(400);
      const noPages = await addSource({ kind: 'website', name: 'x' });
      expect(noPages.statusCode).toBe(422);

      const article = (await addSource({ kind: 'article', title: 'Returns', body: RETURNS })).json();
      const csvOnArticle = await test.call({
        method: 'PATCH',
        url: `/api/v1/knowledge-sources/${article.id}`,
        payload: { csv: 'a,b' },
      });
      expect(csvOnArticle.statusCode).toBe(400);
      expect(csvOnArticle.json().error.message).toMatch(/an? article source has no csv/);

      const other = (
        await test.call({ method: 'POST', url: '/api/v1/properties', payload: { name: 'Other' } })
      ).json();
      const otherAgent = (
        await test.call({
          method: 'POST',
          url: `/api/v1/properties/${other.id}/agents`,
          payload: { name: 'B' },
        })
      ).json();
      const crossed = await test.call({
        method: 'PUT',
        url: `/api/v1/agents/${otherAgent.id}/knowledge-sources/${article.id}`,
        payload: { enabled: true },
      });
      expect(crossed.statusCode).toBe(400);
    });

    it('edits, searches and deletes sources; a deleted source is no longer searched', async () => {
      const article = (await addSource({ kind: 'article', title: 'Returns', body: RETURNS })).json();
      await enable(article.id);
      const edited = await test.call({
        method: 'PATCH',
        url: `/api/v1/knowledge-sources/${article.id}`,
        payload: { body: '# Returns\n\nReturns are accepted within 60 days.' },
      });
      expect(edited.json()).toMatchObject({ name: 'Returns', passageCount: 1 });
      const search = await test.call({
        method: 'POST',
        url: `/api/v1/properties/${propertyId}/knowledge-search`,
        payload: { query: 'how many days do I have to return?', agentId },
      });
      expect(search.json().passages[0]).toMatchObject({
        sourceName: 'Returns',
        text: 'Returns are accepted within 60 days.',
      });
      expect(
        (await test.call({ method: 'DELETE', url: `/api/v1/knowledge-sources/${article.id}` })).statusCode,
      ).toBe(204);
      expect(
        (await test.call({ method: 'GET', url: `/api/v1/agents/${agentId}/knowledge-sources` })).json().items,
      ).toEqual([]);
      const turn = await ask('How many days do I have to return an item?');
      expect(turn.trace.steps.some((step: { type: string }) => step.type === 'knowledge-search')).toBe(false);
    });
  });
}
