// Where a schema comes from: a URL, an uploaded file or pasted text. An import error is shown right
// here, with the line, column and JSON pointer of the place in the document.
import { type ReactNode, useId } from 'react';
import { ApiError, type ErrorLocation } from '../api/client';
import { Field, TextField } from './field';

/** The schema source as entered. */
export interface SchemaSource {
  mode: 'url' | 'file' | 'paste';
  url: string;
  text: string;
  fileName: string;
}

/** An empty source, URL first. */
export const emptySchemaSource: SchemaSource = { mode: 'url', url: '', text: '', fileName: '' };

/** The request body part for the source, or undefined when nothing was given. */
export function toSchemaBody(
  source: SchemaSource,
): { schemaUrl: string } | { schemaText: string } | undefined {
  if (source.mode === 'url') return source.url.trim() ? { schemaUrl: source.url.trim() } : undefined;
  return source.text.trim() ? { schemaText: source.text } : undefined;
}

/** "Line 3, column 5 (at /paths/~1orders/get)". */
export function describeLocation(where: ErrorLocation | undefined): string {
  if (!where) return '';
  const place = [where.line ? `Line ${where.line}` : '', where.column ? `column ${where.column}` : '']
    .filter(Boolean)
    .join(', ');
  const pointer = where.pointer ? `at ${where.pointer}` : '';
  return [place, pointer].filter(Boolean).join(' · ');
}

/** The error text for the schema field: the message and where it is. */
export function schemaErrorOf(error: unknown): ReactNode {
  if (!(error instanceof ApiError)) return undefined;
  // Parsers often name the line in the message already; the pointer still helps then.
  const where =
    error.where?.line && error.message.toLowerCase().includes(`line ${error.where.line}`)
      ? { pointer: error.where.pointer }
      : error.where;
  const location = describeLocation(where);
  return (
    <>
      {error.message}
      {location && <span className="error-location"> {location}</span>}
    </>
  );
}

const modes: [SchemaSource['mode'], string][] = [
  ['url', 'URL'],
  ['file', 'Upload'],
  ['paste', 'Paste'],
];

/** The source fields; `error` (from the import) is shown under the active field. */
export function SchemaSourceFields({
  source,
  onChange,
  error,
  status,
  legend = 'OpenAPI schema',
}: {
  source: SchemaSource;
  onChange: (source: SchemaSource) => void;
  error?: ReactNode;
  /** What the server read from the schema (shown when there is no error). */
  status?: ReactNode;
  legend?: string;
}) {
  const name = useId();
  const set = (patch: Partial<SchemaSource>) => onChange({ ...source, ...patch });
  async function readFile(file: File | undefined) {
    if (!file) return;
    set({ text: await file.text(), fileName: file.name });
  }
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="segmented" role="radiogroup" aria-label="Schema source">
        {modes.map(([mode, label]) => (
          <label key={mode} className={source.mode === mode ? 'selected' : undefined}>
            <input
              type="radio"
              name={name}
              value={mode}
              checked={source.mode === mode}
              onChange={() => set({ mode })}
            />
            {label}
          </label>
        ))}
      </div>
      {source.mode === 'url' && (
        <TextField
          label="Schema URL"
          hint="A public link to the YAML or JSON file."
          error={error}
          type="url"
          placeholder="https://api.example.com/openapi.yaml"
          value={source.url}
          onChange={(value) => set({ url: value })}
        />
      )}
      {source.mode === 'file' && (
        <Field
          label="Schema file"
          hint={source.fileName ? `Read ${source.fileName}.` : 'A .yaml, .yml or .json file.'}
          error={error}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
              onChange={(event) => void readFile(event.target.files?.[0])}
            />
          )}
        </Field>
      )}
      {source.mode === 'paste' && (
        <Field label="Schema text" hint="Paste the YAML or JSON document." error={error}>
          {(control) => (
            <textarea
              {...control}
              className="mono"
              rows={12}
              spellCheck={false}
              value={source.text}
              onChange={(event) => set({ text: event.target.value })}
            />
          )}
        </Field>
      )}
      {status && !error ? (
        <p className="schema-status muted small" role="status">
          {status}
        </p>
      ) : null}
    </fieldset>
  );
}
