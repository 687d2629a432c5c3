// The OpenAPI Server form: schema, API base URL (with the example request URL shown live) and
// authentication. The server previews the schema as entered (fetching a URL itself, as Save will), so
// the form shows the title, base URL and credentials it asks for, or its error, before Save.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, callApi } from '../api/client';
import type { Agent, IntegrationDetail, SchemaPreview } from '../api/types';
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
import { count } from '../count';
import { Link, navigate, useLocation } from '../router';
import { useResource } from '../use-resource';

/** What the server would import from the schema as entered: the preview, its error, or nothing yet. */
function useSchemaPreview(propertyId: string, source: SchemaSource) {
  const [state, setState] = useState<{ preview?: SchemaPreview; error?: unknown; loading: boolean }>({
    loading: false,
  });
  const body = toSchemaBody(source);
  // A URL is previewed once it has a host; text as soon as there is some.
  const ready = body && (!('schemaUrl' in body) || /^https?:\/\/[^/]+/.test(body.schemaUrl));
  const key = ready ? JSON.stringify(body) : '';
  useEffect(() => {
    setState({ loading: false });
    if (!key) return;
    let current = true;
    const timer = setTimeout(() => {
      setState({ loading: true });
      callApi<SchemaPreview>('POST', `/properties/${propertyId}/integrations/preview`, JSON.parse(key))
        .then((preview) => current && setState({ preview, loading: false }))
        .catch((error: unknown) => current && setState({ error, loading: false }));
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [propertyId, key]);
  return state;
}

/** The example request URL: the base URL (or the schema's) joined with the first operation's path. */
function exampleRequestUrl(baseUrl: string, preview: SchemaPreview | undefined): string | undefined {
  const base = baseUrl.trim() || preview?.baseUrl || '';
  if (!base) return undefined;
  return `${base.replace(/\/+$/, '')}${preview?.operations[0]?.path ?? '/…'}`;
}

/** The form for one property. */
function AddIntegrationForm({ propertyId, agent }: { propertyId: string; agent?: Agent }) {
  const [name, setName] = useState('');
  const [source, setSource] = useState<SchemaSource>(emptySchemaSource);
  const [baseUrl, setBaseUrl] = useState('');
  const [auth, setAuth] = useState<AuthForm>(() => toAuthForm());
  const [authTouched, setAuthTouched] = useState(false);
  const [enableForAgent, setEnableForAgent] = useState(true);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const { preview, error: previewError, loading: previewing } = useSchemaPreview(propertyId, source);
  const example = exampleRequestUrl(baseUrl, preview);
  // A Save error is about what was entered then: any change clears it.
  const saveSchemaError = error instanceof ApiError && error.status === 422 ? error : undefined;
  const schemaError =
    saveSchemaError ??
    (previewError instanceof ApiError && previewError.status === 422 ? previewError : undefined);
  const otherPreviewError = previewError && !schemaError ? previewError : undefined;

  // The credentials the schema asks for, until the user chooses others.
  const hint = preview?.auth;
  useEffect(() => {
    if (!hint || authTouched) return;
    setAuth((current) => ({
      ...current,
      type: hint.type,
      ...(hint.type === 'apiKey' ? { in: hint.in, name: hint.name } : {}),
    }));
  }, [hint, authTouched]);

  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setError(undefined);
      set(value);
    };

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
        name: name.trim() || preview?.title || 'API',
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
        hint={`How this API is called in Concierge${preview?.title ? `; default “${preview.title}”` : ''}.`}
      >
        {(control) => (
          <input
            {...control}
            value={name}
            placeholder={preview?.title ?? 'Shop API'}
            onChange={(event) => changed(setName)(event.target.value)}
          />
        )}
      </Field>
      <SchemaSourceFields
        source={source}
        onChange={changed(setSource)}
        error={schemaError && schemaErrorOf(schemaError)}
        status={
          previewing
            ? 'Reading the schema…'
            : preview &&
              `${preview.title}: ${count(preview.operations.length, 'operation')} (OpenAPI ${preview.openapiVersion})`
        }
      />
      {otherPreviewError ? <ErrorNotice error={otherPreviewError} /> : null}
      <TextField
        label="API base URL"
        hint={
          preview?.baseUrl
            ? `Operation paths are added to it. Empty: the schema's server, ${preview.baseUrl}`
            : 'Operation paths are added to it. Empty: the first server named in the schema.'
        }
        type="url"
        placeholder="https://api.example.com/v1"
        value={baseUrl}
        onChange={changed(setBaseUrl)}
      />
      <p className="example-url" aria-live="polite">
        <span className="muted">Example request URL: </span>
        {example ? (
          <code data-testid="example-url">{example}</code>
        ) : (
          <span className="muted">enter a base URL or a schema</span>
        )}
      </p>
      <AuthFields
        form={auth}
        onChange={(form) => {
          setAuthTouched(true);
          changed(setAuth)(form);
        }}
      />
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
