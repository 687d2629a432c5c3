// The property's knowledge sources (articles, web pages, FAQ files), each with a switch per agent; a
// form to add one (written, pasted or uploaded), and a test search.
import { type FormEvent, useState } from 'react';
import { callApi } from '../api/client';
import type {
  Agent,
  KnowledgeSearchResult,
  KnowledgeSource,
  KnowledgeSourceDetail,
  Property,
} from '../api/types';
import { useKnowledgeLinks } from '../api/use-knowledge-links';
import { Field, TextField } from '../components/field';
import { ErrorNotice, Loading, StatusNotice } from '../components/notice';
import { PageHeader } from '../components/page-header';
import { RequireProperty } from '../components/require-property';
import { Toggle } from '../components/toggle';
import { Link } from '../router';
import { useAction } from '../use-action';
import { useResource } from '../use-resource';

/** How each kind of source is named in the UI. */
export const KIND_LABELS: Record<KnowledgeSource['kind'], string> = {
  article: 'Article',
  website: 'Web pages',
  faq: 'FAQ file',
};

type Kind = KnowledgeSource['kind'];
type Format = 'markdown' | 'text' | 'html';

const FORMAT_OF: Record<string, Format> = {
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  txt: 'text',
};

/** What a source was read into, in a few words. */
export function describeCounts(source: KnowledgeSource): string {
  const parts = [
    source.kind === 'website'
      ? `${source.documentCount} page${source.documentCount === 1 ? '' : 's'}`
      : source.kind === 'faq'
        ? `${source.documentCount} question${source.documentCount === 1 ? '' : 's'}`
        : null,
    `${source.passageCount} passage${source.passageCount === 1 ? '' : 's'}`,
    source.failedDocumentCount > 0 ? `${source.failedDocumentCount} could not be read` : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** A website's page URLs, sitemap and page cap, as the add and edit forms take them. */
export function WebsiteFields(props: {
  urls: string;
  setUrls: (value: string) => void;
  sitemapUrl: string;
  setSitemapUrl: (value: string) => void;
  maxPages: string;
  setMaxPages: (value: string) => void;
}) {
  return (
    <>
      <Field label="Page URLs" hint="One per line. The server fetches each and reads its main text.">
        {(control) => (
          <textarea
            {...control}
            rows={5}
            value={props.urls}
            onChange={(event) => props.setUrls(event.target.value)}
          />
        )}
      </Field>
      <div className="grid-2">
        <TextField
          label="Sitemap URL"
          hint="Its pages are read after the URLs above. Optional."
          type="url"
          value={props.sitemapUrl}
          onChange={props.setSitemapUrl}
        />
        <TextField
          label="Most pages"
          hint="1 to 200."
          type="number"
          min={1}
          max={200}
          value={props.maxPages}
          onChange={props.setMaxPages}
        />
      </div>
    </>
  );
}

/** The form that adds an article, web pages or an FAQ file. */
function AddSourceForm({
  property,
  onAdded,
}: {
  property: Property;
  onAdded: (source: KnowledgeSourceDetail) => void;
}) {
  const [kind, setKind] = useState<Kind>('article');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [format, setFormat] = useState<Format>('markdown');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [urls, setUrls] = useState('');
  const [sitemapUrl, setSitemapUrl] = useState('');
  const [maxPages, setMaxPages] = useState('25');
  const [csv, setCsv] = useState('');
  const action = useAction();

  async function upload(file: File | undefined) {
    if (!file) return;
    const text = await file.text();
    if (kind === 'faq') {
      setCsv(text);
      if (!name) setName(file.name.replace(/\.[^.]+$/, ''));
      return;
    }
    setBody(text);
    setFormat(FORMAT_OF[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? 'text');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void action.run(async () => {
      const payload =
        kind === 'article'
          ? {
              kind,
              body,
              format,
              ...(title.trim() ? { title: title.trim() } : {}),
              ...(url.trim() ? { url: url.trim() } : {}),
            }
          : kind === 'website'
            ? {
                kind,
                name: name.trim(),
                urls: urls.split(/\s+/).filter(Boolean),
                ...(sitemapUrl.trim() ? { sitemapUrl: sitemapUrl.trim() } : {}),
                maxPages: Number(maxPages),
              }
            : { kind, name: name.trim(), csv };
      const created = await callApi<KnowledgeSourceDetail>(
        'POST',
        `/properties/${property.id}/knowledge-sources`,
        payload,
      );
      onAdded(created);
      setTitle('');
      setBody('');
      setUrl('');
      setName('');
      setUrls('');
      setSitemapUrl('');
      setCsv('');
    });
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="add-source">
      <h2 id="add-source">Add a source</h2>
      <fieldset className="kind-choice">
        <legend>Kind</legend>
        {(Object.keys(KIND_LABELS) as Kind[]).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="kind"
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
            />{' '}
            {KIND_LABELS[value]}
          </label>
        ))}
      </fieldset>
      {kind === 'article' && (
        <>
          <TextField
            label="Title"
            hint="Optional when the text starts with a heading, or is a page with a title."
            value={title}
            onChange={setTitle}
          />
          <div className="grid-2">
            <Field label="Format">
              {(control) => (
                <select
                  {...control}
                  value={format}
                  onChange={(event) => setFormat(event.target.value as Format)}
                >
                  <option value="markdown">Markdown</option>
                  <option value="text">Plain text</option>
                  <option value="html">HTML (a saved or pasted page)</option>
                </select>
              )}
            </Field>
            <Field label="Upload a file" hint=".md, .txt or .html">
              {(control) => (
                <input
                  {...control}
                  type="file"
                  accept=".md,.markdown,.txt,.html,.htm,text/*"
                  onChange={(event) => void upload(event.target.files?.[0])}
                />
              )}
            </Field>
          </div>
          <Field label="Text" hint="Write or paste the article; an HTML page is read for its main text.">
            {(control) => (
              <textarea
                {...control}
                required
                rows={10}
                value={body}
                onChange={(event) => setBody(event.target.value)}
              />
            )}
          </Field>
          <TextField
            label="Link"
            hint="Where customers can read it; named in replies. Optional."
            type="url"
            value={url}
            onChange={setUrl}
          />
        </>
      )}
      {kind === 'website' && (
        <>
          <TextField label="Name" required value={name} onChange={setName} />
          <WebsiteFields
            urls={urls}
            setUrls={setUrls}
            sitemapUrl={sitemapUrl}
            setSitemapUrl={setSitemapUrl}
            maxPages={maxPages}
            setMaxPages={setMaxPages}
          />
        </>
      )}
      {kind === 'faq' && (
        <>
          <TextField label="Name" required value={name} onChange={setName} />
          <Field
            label="Upload a CSV file"
            hint="Columns question and answer (and url), or the first two columns."
          >
            {(control) => (
              <input
                {...control}
                type="file"
                accept=".csv,text/csv"
                onChange={(event) => void upload(event.target.files?.[0])}
              />
            )}
          </Field>
          <Field label="Questions and answers (CSV)">
            {(control) => (
              <textarea
                {...control}
                required
                rows={6}
                value={csv}
                onChange={(event) => setCsv(event.target.value)}
              />
            )}
          </Field>
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={action.busy}>
          {action.busy ? (kind === 'website' ? 'Fetching pages…' : 'Adding…') : 'Add source'}
        </button>
      </div>
      <ErrorNotice error={action.error} />
    </form>
  );
}

/** Asks the sources a question as an agent would, and shows the passages found. */
function TrySearch({ property, agents }: { property: Property; agents: Agent[] }) {
  const [query, setQuery] = useState('');
  const [agentId, setAgentId] = useState('');
  const [result, setResult] = useState<KnowledgeSearchResult>();
  const action = useAction();
  function submit(event: FormEvent) {
    event.preventDefault();
    void action.run(async () => {
      setResult(
        await callApi<KnowledgeSearchResult>('POST', `/properties/${property.id}/knowledge-search`, {
          query,
          ...(agentId ? { agentId } : {}),
        }),
      );
    });
  }
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="try-search">
      <h2 id="try-search">Try a question</h2>
      <div className="grid-2">
        <TextField label="Question" required value={query} onChange={setQuery} />
        <Field label="Sources of">
          {(control) => (
            <select {...control} value={agentId} onChange={(event) => setAgentId(event.target.value)}>
              <option value="">Every source</option>
              {agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit">Search</button>
      </div>
      <ErrorNotice error={action.error} />
      {result && (
        <section aria-label="Passages found">
          {result.passages.length === 0 ? (
            <StatusNotice>
              No source covers this question: the agent would say it does not have that information.
            </StatusNotice>
          ) : (
            <ol className="passages">
              {result.passages.map((passage, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one search's passages, in order
                <li key={index} className="passage">
                  <strong>{passage.title}</strong>
                  {passage.heading && <span className="muted"> › {passage.heading}</span>}{' '}
                  <span className="muted small">
                    {passage.sourceName} · {Math.round(passage.relevance * 100)}% of the question
                  </span>
                  <p className="small pre-line">{passage.text}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </form>
  );
}

/** The sources of `property` with their agent switches. */
function SourceList({ property }: { property: Property }) {
  const data = useResource(async () => {
    const [sources, agents] = await Promise.all([
      callApi<{ items: KnowledgeSource[] }>('GET', `/properties/${property.id}/knowledge-sources`),
      callApi<{ items: Agent[] }>('GET', `/properties/${property.id}/agents`),
    ]);
    return { sources: sources.items, agents: agents.items };
  }, [property.id]);
  const links = useKnowledgeLinks(data.data?.agents);
  const [added, setAdded] = useState<KnowledgeSourceDetail>();

  if (data.error) return <ErrorNotice error={data.error} />;
  if (!data.data) return <Loading what="sources" />;
  const { sources, agents } = data.data;
  return (
    <div className="stack">
      <ErrorNotice error={links.error} />
      {sources.length === 0 ? (
        <p className="card">
          No source yet. Add your help articles, FAQ pages or a question/answer file: the agent answers policy
          and how-to questions from them, and names the source.
        </p>
      ) : (
        <ul className="stack" aria-label="Sources">
          {sources.map((source) => (
            <li key={source.id} className="card source">
              <div className="section-header">
                <h2 className="row-title">
                  <Link href={`/sources/${source.id}`}>{source.name}</Link>
                </h2>
                <span className="badge badge-plain">{KIND_LABELS[source.kind]}</span>
              </div>
              <p className="muted">{describeCounts(source)}</p>
              {agents.length === 0 ? (
                <p className="muted">
                  No agent yet: <Link href="/agents">create one</Link> to use this source.
                </p>
              ) : (
                <ul className="plain-list" aria-label={`Agents using ${source.name}`}>
                  {agents.map((agent) => (
                    <li key={agent.id} className="list-row">
                      <Link href={`/agents/${agent.id}`}>{agent.name}</Link>
                      <Toggle
                        label={`${source.name} on for ${agent.name}`}
                        hideLabel
                        checked={links.isEnabled(agent.id, source.id)}
                        disabled={links.loading}
                        onChange={(enabled) => links.setEnabled(agent.id, source.id, enabled)}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {added && (
        <StatusNotice>
          Added {added.name}: {describeCounts(added)}. Switch it on for an agent above.
        </StatusNotice>
      )}
      <AddSourceForm
        property={property}
        onAdded={(source) => {
          setAdded(source);
          void data.reload();
        }}
      />
      <TrySearch property={property} agents={agents} />
    </div>
  );
}

/** The sources page. */
export function SourcesPage() {
  return (
    <>
      <PageHeader
        title="Sources"
        lead="Articles, web pages and FAQ files your agents answer from when no API does: policies, shipping, returns, how-to. Switch a source on per agent."
      />
      <RequireProperty>{(property) => <SourceList property={property} />}</RequireProperty>
    </>
  );
}
