// The OpenAPI Server form: schema, API base URL (with the example request URL shown live) and
// authentication. Saving imports the schema as version 1; errors point at the place in the schema.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, callApi } from '../api/client';
import type { Agent, IntegrationDetail } from '../api/types';
import { AuthFields, type AuthForm, toAuthBody, toAuthForm } from '../components/auth-fields';
import { Field, TextField } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { PageHeader } from '../components/page-header';
import { RequireProperty } from '../components/require-property';
import {
  emptySchemaSource,
  type SchemaSource,
  SchemaSourceFields,
  schemaErrorOf,
  toSchemaBody,
} from '../components/schema-source-fields';
import { Link, navigate, useLocation } from '../router';
import { exampleRequestUrl, outlineSchema, type SchemaOutline } from '../schema-outline';
import { useResource } from '../use-resource';

/** Outlines the schema being entered; a URL is fetched by the browser where its host allows it. */
function useSchemaOutline(source: SchemaSource): SchemaOutline {
  const [fetched, setFetched] = useState<SchemaOutline>({});
  const url = source.mode === 'url' ? source.url.trim() : '';
  useEffect(() => {
    setFetched({});
    if (!/^https?:\/\/.+/.test(url)) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetch(url, { signal: abort.signal })
        .then((response) => (response.ok ? response.text() : ''))
        .then((text) => setFetched(outlineSchema(text)))
        // Another origin without CORS: the server reads it at import; the example waits until then.
        .catch(() => undefined);
    }, 400);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [url]);
  return source.mode === 'url' ? fetched : outlineSchema(source.text);
}

/** The form for one property. */
function AddIntegrationForm({ propertyId, agent }: { propertyId: string; agent?: Agent }) {
  const [name, setName] = useState('');
  const [source, setSource] = useState<SchemaSource>(emptySchemaSource);
  const [baseUrl, setBaseUrl] = useState('');
  const [auth, setAuth] = useState<AuthForm>(() => toAuthForm());
  const [enableForAgent, setEnableForAgent] = useState(true);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const outline = useSchemaOutline(source);
  const example = exampleRequestUrl({
    baseUrl,
    outline,
    schemaUrl: source.mode === 'url' ? source.url : undefined,
  });
  const schemaError = error instanceof ApiError && error.status === 422 ? error : undefined;

  async function save(event: FormEvent) {
    event.preventDefault();
    const schema = toSchemaBody(source);
    if (!schema) {
      setError(new ApiError(422, 'missing-schema', 'Give the schema: a URL, a file or the text.'));
      return;
    }
    const authBody = toAuthBody(auth);
    if (!authBody) {
      setError(new ApiError(400, 'missing-secret', 'Fill in the secret of the authentication method.'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const integration = await callApi<IntegrationDetail>('POST', `/properties/${propertyId}/integrations`, {
        name: name.trim() || outline.title || 'API',
        ...schema,
        ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
        auth: authBody,
      });
      if (agent && enableForAgent) {
        await callApi('PUT', `/agents/${agent.id}/integrations/${integration.id}`, { enabled: true });
      }
      navigate(`/integrations/${integration.id}?imported=1`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={save} noValidate>
      <Field
        label="Name"
        hint={`How this API is called in Concierge${outline.title ? `; default “${outline.title}”` : ''}.`}
      >
        {(control) => (
          <input
            {...control}
            value={name}
            placeholder={outline.title ?? 'Shop API'}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <SchemaSourceFields
        source={source}
        onChange={setSource}
        error={schemaError && schemaErrorOf(schemaError)}
      />
      <TextField
        label="API base URL"
        hint={
          outline.server
            ? `Operation paths are added to it. Empty: the schema's server, ${outline.server}`
            : 'Operation paths are added to it. Empty: the first server named in the schema.'
        }
        type="url"
        placeholder="https://api.example.com/v1"
        value={baseUrl}
        onChange={setBaseUrl}
      />
      <p className="example-url" aria-live="polite">
        <span className="muted">Example request URL: </span>
        {example ? (
          <code data-testid="example-url">{example}</code>
        ) : (
          <span className="muted">enter a base URL or a schema</span>
        )}
      </p>
      <AuthFields form={auth} onChange={setAuth} />
      {agent && (
        <label className="check">
          <input
            type="checkbox"
            checked={enableForAgent}
            onChange={(event) => setEnableForAgent(event.target.checked)}
          />
          Switch it on for {agent.name}
        </label>
      )}
      {error && !schemaError ? <ErrorNotice error={error} /> : null}
      {schemaError && (
        <p className="notice notice-error">The schema could not be imported: see the schema field above.</p>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Importing…' : 'Save'}
        </button>
        <Link className="button" href="/integrations">
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** The page; `?agent=ID` offers to switch the new API on for that agent. */
export function AddIntegrationPage() {
  const { query } = useLocation();
  const agentId = query.get('agent');
  const agent = useResource(
    async () => (agentId ? callApi<Agent>('GET', `/agents/${agentId}`) : undefined),
    [agentId],
  );
  return (
    <>
      <PageHeader
        title="OpenAPI Server"
        lead="Connect an API by its OpenAPI (Swagger) schema. Credentials are stored encrypted and never shown again."
      />
      <p>
        <Link href="/integrations/add">← Add an integration</Link>
      </p>
      <RequireProperty>
        {(property) => (
          <AddIntegrationForm propertyId={agent.data?.propertyId ?? property.id} agent={agent.data} />
        )}
      </RequireProperty>
    </>
  );
}
