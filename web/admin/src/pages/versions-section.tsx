// Schema versions of an integration, and re-import: preview what changes, then apply it.

import { type FormEvent, useState } from 'react';
import { ApiError, callApi } from '../api/client';
import type { CatalogDiff, IntegrationDetail, IntegrationVersion, ReimportPreview } from '../api/types';
import { LintList } from '../components/lint-list';
import { ErrorNotice, StatusNotice } from '../components/notice';
import {
  emptySchemaSource,
  type SchemaSource,
  SchemaSourceFields,
  schemaErrorOf,
  toSchemaBody,
} from '../components/schema-source-fields';
import { count } from '../count';
import { useResource } from '../use-resource';

/** The diff as lists of added, removed and changed operations. */
function DiffView({ diff }: { diff: CatalogDiff }) {
  const nothing = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <div className="diff">
      {nothing && <p>No operation changes ({diff.unchanged} unchanged).</p>}
      {diff.added.length > 0 && (
        <div>
          <h4>Added</h4>
          <ul>
            {diff.added.map((name) => (
              <li key={name} className="diff-added">
                + {name}
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.removed.length > 0 && (
        <div>
          <h4>Removed</h4>
          <ul>
            {diff.removed.map((name) => (
              <li key={name} className="diff-removed">
                − {name}
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.changed.length > 0 && (
        <div>
          <h4>Changed</h4>
          <ul>
            {diff.changed.map((entry) => (
              <li key={entry.name} className="diff-changed">
                ~ {entry.name}: {entry.changes.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!nothing && <p className="muted">{diff.unchanged} unchanged.</p>}
    </div>
  );
}

/** The versions list with the re-import form. */
export function VersionsSection({
  integration,
  onApplied,
}: {
  integration: IntegrationDetail;
  onApplied: () => Promise<void>;
}) {
  const versions = useResource(
    () => callApi<{ items: IntegrationVersion[] }>('GET', `/integrations/${integration.id}/versions`),
    [integration.id, integration.version],
  );
  const currentUrl = versions.data?.items.find((entry) => entry.version === integration.version)?.sourceUrl;
  const [source, setSource] = useState<SchemaSource>(emptySchemaSource);
  const [preview, setPreview] = useState<{ body: object; result: ReimportPreview }>();
  const [error, setError] = useState<unknown>();
  const [applied, setApplied] = useState<number>();
  const [busy, setBusy] = useState(false);

  async function previewReimport(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setApplied(undefined);
    setBusy(true);
    // Without a new source the current URL is fetched again.
    const body = toSchemaBody(source) ?? {};
    try {
      const result = await callApi<ReimportPreview>(
        'POST',
        `/integrations/${integration.id}/reimport/preview`,
        body,
      );
      setPreview({ body, result });
    } catch (caught) {
      setError(caught);
      setPreview(undefined);
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (!preview) return;
    setError(undefined);
    setBusy(true);
    try {
      await callApi('POST', `/integrations/${integration.id}/versions`, {
        ...preview.body,
        sha256: preview.result.sha256,
      });
      setApplied(preview.result.version);
      setPreview(undefined);
      setSource(emptySchemaSource);
      await onApplied();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const schemaError = error instanceof ApiError && error.status === 422 ? schemaErrorOf(error) : undefined;
  return (
    <section className="card" aria-labelledby="versions">
      <h2 id="versions">Schema versions</h2>
      <ErrorNotice error={versions.error} />
      <div className="table-wrap">
        <table className="stacked-table">
          <caption className="visually-hidden">Imported versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Imported</th>
              <th scope="col">Source</th>
              <th scope="col">OpenAPI</th>
            </tr>
          </thead>
          <tbody>
            {versions.data?.items.map((entry) => (
              <tr key={entry.version}>
                <td>
                  {entry.version}
                  {entry.version === integration.version ? ' (current)' : ''}
                </td>
                <td>{new Date(entry.createdAt).toLocaleString()}</td>
                <td className="break block-cell">{entry.sourceUrl ?? 'uploaded or pasted text'}</td>
                <td>{entry.openapiVersion}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="form versions-form" onSubmit={previewReimport}>
        <h3>Re-import</h3>
        <p className="muted">
          {currentUrl ? (
            <>
              Leave the source empty to fetch <span className="break">{currentUrl}</span> again, or give a new
              one.
            </>
          ) : (
            'Give the new schema.'
          )}{' '}
          You see what changes before anything is applied.
        </p>
        <SchemaSourceFields legend="New schema" source={source} onChange={setSource} error={schemaError} />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            Preview changes
          </button>
        </div>
      </form>
      {error && !schemaError ? <ErrorNotice error={error} /> : null}
      {applied && <StatusNotice>Version {applied} is now current.</StatusNotice>}
      {preview && (
        <section className="preview-box" aria-label={`Version ${preview.result.version} preview`}>
          <h3>
            Version {preview.result.version}: {count(preview.result.operations, 'operation')}
          </h3>
          <DiffView diff={preview.result.diff} />
          {(preview.result.identityProblems ?? []).length > 0 && (
            <div className="notice notice-warn" role="status">
              <p>
                These identity bindings would no longer fit; the operations leave the agents' tools until
                fixed:
              </p>
              <ul>
                {preview.result.identityProblems?.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          )}
          {preview.result.lint.length > 0 && (
            <details>
              <summary>{count(preview.result.lint.length, 'lint finding')} in the new version</summary>
              <LintList findings={preview.result.lint} />
            </details>
          )}
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={apply} disabled={busy}>
              Apply version {preview.result.version}
            </button>
            <button type="button" onClick={() => setPreview(undefined)}>
              Discard
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
