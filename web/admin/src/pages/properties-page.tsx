// Properties (websites or brands): create, choose the one to work on, rename, delete.
import { type FormEvent, useState } from 'react';
import { callApi } from '../api/client';
import type { Property } from '../api/types';
import { TextField } from '../components/field';
import { ErrorNotice, Loading, StatusNotice } from '../components/notice';
import { PageHeader } from '../components/page-header';
import { useProperties } from '../property-context';
import { Link } from '../router';
import { useAction } from '../use-action';

/** One property row with rename and delete. */
function PropertyRow({ property, isCurrent }: { property: Property; isCurrent: boolean }) {
  const { select, reload } = useProperties();
  const [name, setName] = useState(property.name);
  const [error, setError] = useState<unknown>();
  const [editing, setEditing] = useState(false);

  async function rename(event: FormEvent) {
    event.preventDefault();
    try {
      await callApi('PATCH', `/properties/${property.id}`, { name: name.trim() });
      setEditing(false);
      await reload();
    } catch (caught) {
      setError(caught);
    }
  }

  async function remove() {
    if (!confirm(`Delete "${property.name}" with its agents, integrations and conversations?`)) return;
    try {
      await callApi('DELETE', `/properties/${property.id}`);
      await reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <li className={`card row-card${isCurrent ? ' current' : ''}`}>
      {editing ? (
        <form className="inline-form" onSubmit={rename}>
          <TextField label={`New name for ${property.name}`} value={name} onChange={setName} />
          <button type="submit" className="button-primary">
            Save
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <div className="row-main">
            <h2 className="row-title">{property.name}</h2>
            <span className="muted">Created {new Date(property.createdAt).toLocaleDateString()}</span>
          </div>
          <div className="actions">
            {isCurrent ? (
              <span className="badge badge-good">Current property</span>
            ) : (
              <button type="button" onClick={() => select(property.id)}>
                Work on this
              </button>
            )}
            <button type="button" onClick={() => setEditing(true)}>
              Rename
            </button>
            <button type="button" className="button-danger" onClick={remove}>
              Delete
            </button>
          </div>
        </>
      )}
      <ErrorNotice error={error} />
    </li>
  );
}

/** The properties page. */
export function PropertiesPage() {
  const { properties, current, select, reload, loading, error } = useProperties();
  const [name, setName] = useState('');
  const creation = useAction();
  const [created, setCreated] = useState('');

  function create(event: FormEvent) {
    event.preventDefault();
    void creation.run(async () => {
      const property = await callApi<Property>('POST', '/properties', { name: name.trim() });
      setName('');
      await reload();
      select(property.id);
      setCreated(property.name);
    });
  }

  return (
    <>
      <PageHeader
        title="Properties"
        lead="A property is one website or brand. It holds the agents that answer its customers and the APIs they use."
      />
      <ErrorNotice error={error} />
      {loading && properties.length === 0 ? <Loading what="properties" /> : null}
      <ul className="stack">
        {properties.map((property) => (
          <PropertyRow key={property.id} property={property} isCurrent={property.id === current?.id} />
        ))}
      </ul>
      <section className="card" aria-labelledby="new-property">
        <h2 id="new-property">New property</h2>
        <form className="inline-form" onSubmit={create}>
          <TextField
            label="Property name"
            hint="For example your shop's name."
            required
            value={name}
            onChange={setName}
          />
          <button type="submit" className="button-primary" disabled={!name.trim()}>
            Create property
          </button>
        </form>
        <ErrorNotice error={creation.error} />
        {creation.done && (
          <StatusNotice>
            Created {created}. Next: <Link href="/agents">add an agent</Link>.
          </StatusNotice>
        )}
      </section>
    </>
  );
}
