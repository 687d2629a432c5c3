// A form generated from an operation's input JSON Schema: one labelled field per property (text,
// number, yes/no, choice), JSON for objects and arrays. Empty fields are left out of the arguments.
import type { JsonSchema } from '../api/types';
import { Field } from './field';

/** The typed values by property name (strings as typed). */
export type SchemaFormValues = Record<string, string>;

interface PropertyInfo {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

/** The top-level properties of an object schema, required ones first. */
export function listProperties(schema: JsonSchema): PropertyInfo[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties)
    .map(([name, property]) => ({ name, schema: property, required: required.has(name) }))
    .sort((a, b) => Number(b.required) - Number(a.required));
}

/** The schema's type, taking the first non-null of a type list. */
function typeOf(schema: JsonSchema): string {
  const type = schema.type;
  if (Array.isArray(type)) return String(type.find((entry) => entry !== 'null') ?? 'string');
  return typeof type === 'string' ? type : schema.properties ? 'object' : 'string';
}

/** Converts the typed values to arguments; throws with the field's name when JSON or a number is wrong. */
export function toArguments(schema: JsonSchema, values: SchemaFormValues): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const { name, schema: property } of listProperties(schema)) {
    const raw = values[name]?.trim();
    if (raw === undefined || raw === '') continue;
    const type = typeOf(property);
    if (type === 'integer' || type === 'number') {
      const number = Number(raw);
      if (Number.isNaN(number)) throw new Error(`${name} must be a number`);
      args[name] = number;
    } else if (type === 'boolean') args[name] = raw === 'true';
    else if (type === 'object' || type === 'array') {
      try {
        args[name] = JSON.parse(raw);
      } catch {
        throw new Error(
          `${name} must be JSON (${type === 'array' ? 'e.g. ["a", "b"]' : 'e.g. {"key": "value"}'})`,
        );
      }
    } else args[name] = raw;
  }
  return args;
}

/** The control of one property. */
function PropertyControl({
  property,
  value,
  onChange,
  control,
}: {
  property: PropertyInfo;
  value: string;
  onChange: (value: string) => void;
  control: { id: string; 'aria-describedby'?: string };
}) {
  const type = typeOf(property.schema);
  const choices = property.schema.enum as unknown[] | undefined;
  if (choices || type === 'boolean') {
    const options = choices ? choices.map(String) : ['true', 'false'];
    return (
      <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{property.required ? 'Choose…' : '(not sent)'}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  }
  if (type === 'object' || type === 'array') {
    return (
      <textarea
        {...control}
        className="mono"
        rows={3}
        spellCheck={false}
        placeholder={type === 'array' ? '["…"]' : '{ }'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <input
      {...control}
      type={type === 'integer' || type === 'number' ? 'number' : 'text'}
      required={property.required}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** The generated fields of `schema`. */
export function SchemaForm({
  schema,
  values,
  onChange,
}: {
  schema: JsonSchema;
  values: SchemaFormValues;
  onChange: (values: SchemaFormValues) => void;
}) {
  const properties = listProperties(schema);
  if (properties.length === 0) return <p className="muted">This operation takes no input.</p>;
  return (
    <div className="grid-2">
      {properties.map((property) => {
        const description = property.schema.description as string | undefined;
        const type = typeOf(property.schema);
        return (
          <Field
            key={property.name}
            label={
              <>
                {property.name}
                {property.required ? <span className="required"> (required)</span> : null}
              </>
            }
            hint={[type, description].filter(Boolean).join(' · ')}
          >
            {(control) => (
              <PropertyControl
                property={property}
                control={control}
                value={values[property.name] ?? ''}
                onChange={(value) => onChange({ ...values, [property.name]: value })}
              />
            )}
          </Field>
        );
      })}
    </div>
  );
}
