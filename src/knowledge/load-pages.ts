// Web pages of a website source: the listed URLs, or those of a sitemap (sitemap indexes followed),
// up to the page cap, fetched a few at a time, each read into knowledge text.
import { DOMParser } from 'linkedom';
import { type KnowledgeText, readMarkdown, readPlainText } from './knowledge-text.js';
import { readHtml } from './read-html.js';

/** What a fetch of one URL gives: the body and where it finally came from, or why not. */
export type FetchedText =
  | { ok: true; value: { text: string; sourceUrl?: string; contentType?: string } }
  | { ok: false; error: { message: string; code?: string } };

/** Fetches one URL through the network guard with the size limit (the server supplies it). */
export type FetchText = (url: string) => Promise<FetchedText>;

/** One page, read or failed. */
export type LoadedPage =
  | ({ url: string; ok: true } & KnowledgeText)
  | { url: string; ok: false; error: string; code?: string };

/** Which pages to load. */
export interface LoadPagesOptions {
  /** Page URLs, in order. */
  urls?: string[];
  /** A sitemap (or sitemap index) whose pages are loaded after `urls`. */
  sitemapUrl?: string;
  /** Pages loaded at most. */
  maxPages: number;
  fetchText: FetchText;
  /** Pages fetched at once. Default 4. */
  concurrency?: number;
}

/** Sitemaps of an index read at most. */
const MAX_SITEMAPS = 10;

/** A sitemap that cannot be read fails the whole load. */
export class SitemapError extends Error {
  override readonly name = 'SitemapError';
}

interface XmlElement {
  textContent: string | null;
}

function readLocations(xml: string): { pages: string[]; sitemaps: string[] } {
  const parsed = new DOMParser().parseFromString(xml, 'text/xml') as unknown as {
    querySelectorAll(selector: string): ArrayLike<XmlElement>;
  };
  const locations = (selector: string) =>
    Array.from(parsed.querySelectorAll(selector))
      .map((element) => (element.textContent ?? '').trim())
      .filter((location) => /^https?:\/\//i.test(location));
  return { pages: locations('url > loc'), sitemaps: locations('sitemap > loc') };
}

/** The page URLs a sitemap lists (following an index's sitemaps), at most `limit`. */
async function readSitemap(url: string, limit: number, fetchText: FetchText): Promise<string[]> {
  const pages: string[] = [];
  const queue = [url];
  for (let read = 0; queue.length > 0 && read < MAX_SITEMAPS && pages.length < limit; read++) {
    const next = queue.shift() as string;
    const fetched = await fetchText(next);
    if (!fetched.ok) throw new SitemapError(`the sitemap ${next} cannot be read: ${fetched.error.message}`);
    const found = readLocations(fetched.value.text);
    if (read === 0 && found.pages.length === 0 && found.sitemaps.length === 0)
      throw new SitemapError(`${next} is not a sitemap: it lists no <url><loc> or <sitemap><loc>`);
    pages.push(...found.pages);
    queue.push(...found.sitemaps);
  }
  return pages.slice(0, limit);
}

/** A title for a page without one: the last part of its path, in words, or its host. */
function titleFromUrl(address: string): string {
  const url = new URL(address);
  const last = url.pathname.split('/').filter(Boolean).pop();
  const words = last
    ? decodeURIComponent(last)
        .replace(/\.[a-z0-9]+$/i, '')
        .replace(/[-_]+/g, ' ')
        .trim()
    : '';
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : url.host;
}

/** Reads a fetched body by its type: HTML (main text), Markdown, plain text; anything else is refused. */
export function readPage(text: string, contentType: string | undefined, url: string): LoadedPage {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const looksHtml = /^\s*(<!doctype html|<html|<head|<body)/i.test(text);
  let read: KnowledgeText;
  if (type === 'text/html' || type === 'application/xhtml+xml' || (!type && looksHtml)) read = readHtml(text);
  else if (type === 'text/markdown' || type === 'text/x-markdown' || (/\.md$/i.test(url) && !looksHtml))
    read = readMarkdown(text);
  else if (type === 'text/plain' || !type) read = looksHtml ? readHtml(text) : readPlainText(text);
  else return { url, ok: false, error: `not a web page: it is ${type}` };
  if (!read.text.trim()) return { url, ok: false, error: 'the page has no text' };
  return { url, ok: true, title: read.title || titleFromUrl(url), text: read.text };
}

/** Loads the pages: each one read or failed with its reason; throws `SitemapError` when the sitemap fails. */
export async function loadPages(options: LoadPagesOptions): Promise<LoadedPage[]> {
  const limit = Math.max(0, options.maxPages);
  const listed = [...(options.urls ?? [])];
  if (options.sitemapUrl && listed.length < limit)
    listed.push(...(await readSitemap(options.sitemapUrl, limit - listed.length, options.fetchText)));
  const urls = [...new Set(listed)].slice(0, limit);
  const pages: LoadedPage[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const index = next++;
      const url = urls[index];
      const fetched = await options.fetchText(url);
      pages[index] = fetched.ok
        ? readPage(fetched.value.text, fetched.value.contentType, fetched.value.sourceUrl ?? url)
        : {
            url,
            ok: false,
            error: fetched.error.message,
            ...(fetched.error.code ? { code: fetched.error.code } : {}),
          };
      // The page is listed under the address it was asked for, whatever it redirected to.
      pages[index].url = url;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, urls.length) }, worker));
  return pages;
}
