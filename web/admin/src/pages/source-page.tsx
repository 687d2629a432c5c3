// One knowledge source: what it was read into (the article, each page with its error, each question),
// its content to edit, fetching a website again, and deleting it.
import { type FormEvent, useState } from 'react';
import { callApi } from '../api/client';
import type { KnowledgeSourceDetail } from '../api/types';
import { Field, TextField } from '../components/field';
import { ErrorNotice, Loading, StatusNotice } from '../components/notice';
import { PageHeader } from '../components/page-header';
import { Link, navigate } from '../router';
import { useAction } from '../use-action';
import { useResource } from '../use-resource';
import { describeCounts, KIND_LABELS, WebsiteFields } from './sources-page';

/**
 * The fields of the source to change; saving reads it again (a website: fetches its pages). The form
 * is keyed by the source's `updatedAt`, so a save remounts it: `saved` comes from the page.
 */
function EditSource({
  source,
  saved,
  onSaved,
}: {
  source: KnowledgeSourceDetail;
  saved: boolean;
  onSaved: (source: KnowledgeSourceDetail) => void;
}) {
  const [name, setName] = useState(source.name);
  const [body, setBody] = useState(source.content ?? '');
  const [url, setUrl] = useState(source.url ?? '');
  const [urls, setUrls] = useState(source.urls.join('\n'));
  const [sitemapUrl, setSitemapUrl] = useState(source.sitemapUrl ?? '');
  const [maxPages, setMaxPages] = useState(String(source.maxPages ?? 25));
  const action = useAction();
  function save(event: FormEvent) {
    event.preventDefault();
    void action.run(async () => {
      const body_ =
        source.kind === 'article'
          ? { title: name.trim(), body, url: url.trim() || null }
          : source.kind === 'faq'
            ? { name: name.trim(), csv: body }
            : {
                name: name.trim(),
                urls: urls.split(/\s+/).filter(Boolean),
                sitemapUrl: sitemapUrl.trim() || null,
                maxPages: Number(maxPages),
              };
      onSaved(await callApi<KnowledgeSourceDetail>('PATCH', `/knowledge-sources/${source.id}`, body_));
    });
  }
  return (
    <form className="card form" onSubmit={save} aria-labelledby="edit-source">
      <h2 id="edit-source">Edit</h2>
      <TextField
        label={source.kind === 'article' ? 'Title' : 'Name'}
        required
        value={name}
        onChange={setName}
      />
      {source.kind !== 'website' && (
        <Field label={source.kind === 'faq' ? 'Questions and answers (CSV)' : `Text (${source.format})`}>
          {(control) => (
            <textarea {...control} rows={12} value={body} onChange={(event) => setBody(event.target.value)} />
          )}
        </Field>
      )}
      {source.kind === 'article' && <TextField label="Link" type="url" value={url} onChange={setUrl} />}
      {source.kind === 'website' && (
        <WebsiteFields
          urls={urls}
          setUrls={setUrls}
          sitemapUrl={sitemapUrl}
          setSitemapUrl={setSitemapUrl}
          maxPages={maxPages}
          setMaxPages={setMaxPages}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={action.busy}>
          {action.busy ? 'Saving…' : 'Save'}
        </button>
      </div>
      <ErrorNotice error={action.error} />
      {saved && !action.busy && !action.error && <StatusNotice>Saved and read again.</StatusNotice>}
    </form>
  );
}

/** The source page. */
export function SourcePage({ sourceId }: { sourceId: string }) {
  const source = useResource(
    () => callApi<KnowledgeSourceDetail>('GET', `/knowledge-sources/${sourceId}`),
    [sourceId],
  );
  const refresh = useAction();
  const [deleteError, setDeleteError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const data = source.data;

  async function remove() {
    if (!data || !confirm(`Delete ${data.name}? Agents stop answering from it.`)) return;
    try {
      await callApi('DELETE', `/knowledge-sources/${sourceId}`);
      navigate('/sources');
    } catch (caught) {
      setDeleteError(caught);
    }
  }

  return (
    <>
      <PageHeader title={data?.name ?? 'Source'}>
        {data?.kind === 'website' && (
          <button
            type="button"
            disabled={refresh.busy}
            onClick={() =>
              void refresh.run(async () => {
                setSaved(false);
                source.setData(
                  await callApi<KnowledgeSourceDetail>('POST', `/knowledge-sources/${sourceId}/refresh`),
                );
              })
            }
          >
            {refresh.busy ? 'Fetching…' : 'Fetch again'}
          </button>
        )}
      </PageHeader>
      <p>
        <Link href="/sources">← All sources</Link>
      </p>
      <ErrorNotice error={source.error ?? refresh.error} />
      {refresh.done && <StatusNotice>Fetched again.</StatusNotice>}
      {source.loading && !data && <Loading what="the source" />}
      {data && (
        <div className="stack">
          <section className="card" aria-labelledby="source-documents">
            <h2 id="source-documents">
              {KIND_LABELS[data.kind]} · {describeCounts(data)}
            </h2>
            {data.refreshedAt && (
              <p className="muted small">Read {new Date(data.refreshedAt).toLocaleString()}</p>
            )}
            <ul className="stack documents">
              {data.documents.map((document) => (
                <li key={document.id} className={document.error ? 'document document-failed' : 'document'}>
                  <details>
                    <summary>
                      {document.title}{' '}
                      <span className="muted small">
                        {document.error
                          ? `could not be read: ${document.error}`
                          : `${document.passages} passages`}
                      </span>
                    </summary>
                    {document.url && (
                      <p className="small break">
                        <a href={document.url} target="_blank" rel="noreferrer">
                          {document.url}
                        </a>
                      </p>
                    )}
                    {document.text && <pre className="code small pre-line">{document.text}</pre>}
                  </details>
                </li>
              ))}
            </ul>
          </section>
          <EditSource
            key={data.updatedAt}
            source={data}
            saved={saved}
            onSaved={(updated) => {
              source.setData(updated);
              setSaved(true);
            }}
          />
          <section className="card danger-zone" aria-labelledby="delete-source">
            <h2 id="delete-source">Delete</h2>
            <p className="muted">Deletes the source and its passages. Agents stop answering from it.</p>
            <button type="button" className="button-danger" onClick={remove}>
              Delete source
            </button>
            <ErrorNotice error={deleteError} />
          </section>
        </div>
      )}
    </>
  );
}
