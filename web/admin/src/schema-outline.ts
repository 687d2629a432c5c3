// A quick look into a schema text before import: title, first server and first path (for the
// example request URL). JSON is parsed; YAML is scanned by lines, which is enough for these three.

/** What the form shows before the server has imported the schema. */
export interface SchemaOutline {
  title?: string;
  server?: string;
  firstPath?: string;
}

function outlineJson(text: string): SchemaOutline | undefined {
  try {
    const document = JSON.parse(text) as {
      info?: { title?: string };
      servers?: { url?: string }[];
      host?: string;
      basePath?: string;
      schemes?: string[];
      paths?: Record<string, unknown>;
    };
    const swaggerServer = document.host
      ? `${document.schemes?.[0] ?? 'https'}://${document.host}${document.basePath ?? ''}`
      : document.basePath;
    return {
      title: document.info?.title,
      server: document.servers?.[0]?.url ?? swaggerServer,
      firstPath: Object.keys(document.paths ?? {})[0],
    };
  } catch {
    return undefined;
  }
}

const unquote = (value: string) => value.trim().replace(/^['"]|['"]$/g, '');

function outlineYaml(text: string): SchemaOutline {
  const outline: SchemaOutline = {};
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const top = /^([A-Za-z]\w*):\s*(.*)$/.exec(line);
    if (top) {
      section = top[1];
      // Flow style on one line: `servers: [{ url: 'https://…' }]`.
      const flowUrl = /url:\s*([^,}\]\s]+)/.exec(top[2]);
      if (section === 'servers' && flowUrl && !outline.server) outline.server = unquote(flowUrl[1]);
      if (section === 'info') {
        const flowTitle = /title:\s*([^,}]+)/.exec(top[2]);
        if (flowTitle) outline.title = unquote(flowTitle[1]);
      }
      continue;
    }
    if (section === 'info' && !outline.title) {
      const title = /^\s+title:\s*(.+)$/.exec(line);
      if (title) outline.title = unquote(title[1]);
    } else if (section === 'servers' && !outline.server) {
      const url = /^\s+(?:-\s*)?url:\s*(\S+)/.exec(line);
      if (url) outline.server = unquote(url[1]);
    } else if (section === 'paths' && !outline.firstPath) {
      const path = /^\s+['"]?(\/[^'":]*)['"]?\s*:/.exec(line);
      if (path) outline.firstPath = path[1];
    }
  }
  return outline;
}

/** Outlines a schema text; fields it cannot find stay undefined. */
export function outlineSchema(text: string): SchemaOutline {
  const trimmed = text.trim();
  if (!trimmed) return {};
  return (trimmed.startsWith('{') && outlineJson(trimmed)) || outlineYaml(text);
}

/** The example request URL: base (or the schema's server, resolved against the schema URL) + first path. */
export function exampleRequestUrl(options: {
  baseUrl: string;
  outline: SchemaOutline;
  schemaUrl?: string;
}): string | undefined {
  let base = options.baseUrl.trim() || options.outline.server || '';
  if (base && !/^https?:\/\//i.test(base) && options.schemaUrl) {
    try {
      base = new URL(base, options.schemaUrl).href;
    } catch {
      return undefined;
    }
  }
  if (!base) return undefined;
  return `${base.replace(/\/+$/, '')}${options.outline.firstPath ?? '/…'}`;
}
