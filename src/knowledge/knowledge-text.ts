// Knowledge text: every source (Markdown, plain text, HTML, a question and its answer) is read into
// one plain form that passages are cut from: blocks separated by blank lines, headings as `## Title`,
// list items as `- item`.

/** A document read into knowledge text. */
export interface KnowledgeText {
  /** The document's own title (its first heading, a page's `<title>`); empty when it has none. */
  title: string;
  /** Blocks separated by blank lines; `#` to `######` open headings, `- ` list items. */
  text: string;
}

/** The formats an article can be written, pasted or uploaded in. */
export type ArticleFormat = 'markdown' | 'text' | 'html';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Inline Markdown to plain words: links and images, emphasis, code, HTML tags, escapes. */
function plainInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]*)[^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(`+)(.+?)\1/g, '$2')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .trim();
}

/** Reads Markdown: headings (ATX and underlined), lists, quotes, fenced code, tables; reference links dropped. */
export function readMarkdown(markdown: string): KnowledgeText {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let title = '';
  const flush = () => {
    const text = paragraph.join(' ').trim();
    if (text) blocks.push(text);
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index];
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) {
      flush();
      const code: string[] = [];
      for (index++; index < lines.length && !/^(```|~~~)/.test(lines[index].trim()); index++)
        code.push(lines[index]);
      if (code.join('').trim()) blocks.push(code.join('\n').trim());
      continue;
    }
    const next = lines[index + 1]?.trim() ?? '';
    const underlined = paragraph.length === 0 && line && /^(=+|-+)$/.test(next) && !/^[-*+]\s/.test(line);
    const heading = HEADING.exec(line) ?? (underlined ? [line, next[0] === '=' ? '#' : '##', line] : null);
    if (heading) {
      flush();
      const text = plainInline(heading[2]);
      if (underlined) index++;
      if (!text) continue;
      if (!title && heading[1].length === 1) title = text;
      blocks.push(`${heading[1]} ${text}`);
      continue;
    }
    if (!line || /^(\*\s*){3,}$|^(-\s*){3,}$|^(_\s*){3,}$/.test(line) || /^\[[^\]]+\]:\s*\S+/.test(line)) {
      flush();
      continue;
    }
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      blocks.push(`- ${plainInline(item[1])}`);
      continue;
    }
    if (line.startsWith('|')) {
      flush();
      if (/^\|?[\s:|-]+\|?$/.test(line)) continue;
      const cells = line
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => plainInline(cell))
        .filter(Boolean);
      if (cells.length) blocks.push(cells.join(' | '));
      continue;
    }
    const quoted = line.replace(/^(>\s?)+/, '');
    // A line continuing a list item belongs to it.
    const last = blocks[blocks.length - 1];
    if (paragraph.length === 0 && last?.startsWith('- ') && /^\s{2,}\S/.test(raw)) {
      blocks[blocks.length - 1] = `${last} ${plainInline(quoted)}`;
      continue;
    }
    paragraph.push(plainInline(quoted));
  }
  flush();
  return { title, text: blocks.join('\n\n') };
}

/** A line that reads as a heading: short, without closing punctuation but a question mark, not a list item. */
function isHeadingLine(line: string): boolean {
  return line.length <= 80 && !/[.!:;,]$/.test(line) && !/^[-*•]\s/.test(line);
}

/**
 * Reads plain text: paragraphs by blank lines (line breaks within them joined), `-`/`*`/`•` lines as
 * list items, and a short line opening more text (`Currency` before its paragraph) as a heading; the
 * first one is the title.
 */
export function readPlainText(text: string): KnowledgeText {
  const blocks: { text: string; heading: boolean }[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = raw
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (isHeadingLine(lines[0]) && (lines.length > 1 || blocks.length === 0)) {
      blocks.push({ text: lines.shift() as string, heading: true });
    }
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ text: paragraph.join(' '), heading: false });
      paragraph = [];
    };
    for (const line of lines) {
      if (/^[-*•]\s+/.test(line)) {
        flush();
        blocks.push({ text: `- ${line.replace(/^[-*•]\s+/, '')}`, heading: false });
      } else paragraph.push(line);
    }
    flush();
  }
  // A heading with nothing after it is text.
  const last = blocks[blocks.length - 1];
  if (last?.heading) last.heading = false;
  const first = blocks[0];
  const title = first?.heading ? first.text : '';
  const written = blocks.map((block, index) =>
    block.heading ? `${index === 0 ? '#' : '##'} ${block.text}` : block.text,
  );
  return { title, text: written.join('\n\n') };
}
