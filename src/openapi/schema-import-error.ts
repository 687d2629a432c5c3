// The one error an import can end with: what could not be understood, and where in the source.

/** Where in the source the problem is: a JSON pointer into the document and/or a text position. */
export interface SchemaImportErrorLocation {
  /** JSON pointer of the offending node, e.g. `/paths/~1orders/get`. */
  pointer?: string;
  /** 1-based line in the source text. */
  line?: number;
  /** 1-based column in the source text. */
  column?: number;
}

/** A schema that cannot be imported (or fetched). `code` is stable and kebab-case, e.g. `not-openapi`. */
export class SchemaImportError extends Error {
  override readonly name = 'SchemaImportError';
  /** Stable reason: `not-json-or-yaml`, `not-openapi`, `no-operations`, `yaml-alias-limit`, `too-large`, ... */
  readonly code: string;
  /** Where the problem is, when it can be pointed at. */
  readonly where?: SchemaImportErrorLocation;

  constructor(code: string, message: string, where?: SchemaImportErrorLocation) {
    super(message);
    this.code = code;
    if (where) this.where = where;
  }
}

/** The result of a step that fails on bad input instead of throwing. */
export type SchemaResult<T> = { ok: true; value: T } | { ok: false; error: SchemaImportError };
