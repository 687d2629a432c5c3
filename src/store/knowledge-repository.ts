// Knowledge sources of a property, their documents and passages, the full-text index over them
// (FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL), the per-property term counts the
// ranking weighs words by, and each source's switch per agent.
import { type Insertable, type Kysely, SqliteAdapter, sql, type Transaction } from 'kysely';
import { newId } from './new-id.js';
import type {
  AgentKnowledgeLink,
  KnowledgeDocument,
  KnowledgePassage,
  KnowledgeSource,
  KnowledgeSourceKind,
} from './records.js';
import { replaceNul } from './replace-nul-plugin.js';
import type {
  AgentKnowledgeSourceTable,
  Database,
  KnowledgeSourceTable,
  KnowledgeTermTable,
} from './schema.js';
import { now, parseJson, type StoreContext } from './store-context.js';

/** Fields of a new knowledge source. */
export interface CreateKnowledgeSourceInput {
  propertyId: string;
  kind: KnowledgeSourceKind;
  name: string;
  content?: string | null;
  format?: string | null;
  url?: string | null;
  urls?: string[];
  maxPages?: number | null;
}

/** Fields to change; absent ones stay as they are. */
export type UpdateKnowledgeSourceInput = Partial<Omit<CreateKnowledgeSourceInput, 'propertyId' | 'kind'>>;

/** A document to store with its passages, read and split by the knowledge layer. */
export interface KnowledgeDocumentInput {
  title: string;
  url?: string | null;
  text: string;
  /** Why a page could not be fetched or read (it then has no passages). */
  error?: string | null;
  fetchedAt?: string | null;
  passages: {
    heading: string;
    text: string;
    /** The passage's distinct word stems (title and heading included), counted per property. */
    terms: string[];
  }[];
}

/** What the full-text index is asked for. */
export interface SearchPassagesInput {
  /** Only passages of these sources. */
  sourceIds: string[];
  /** Words of which a passage must hold at least one (each stemmed by the database's own stemmer). */
  words: string[];
  /** Word beginnings a passage's words may start with (`deliver` finds `delivery`). */
  prefixes?: string[];
  /** Passages returned at most, best first by the index's own rank (BM25 / cover density). */
  limit: number;
}

const BATCH = 200;
/** A passage as the full-text search reads it. */
type PassageRow = {
  id: number | string;
  source_id: string;
  document_id: string;
  title: string;
  heading: string;
  url: string | null;
  text: string;
  position: number;
};

/** The term row that counts all passages of a property. */
const ALL_PASSAGES = '';
const WORD = /^[\p{L}\p{N}]+$/u;

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

function toSource(
  row: KnowledgeSourceTable & { documents?: unknown; failed?: unknown; passages?: unknown },
): KnowledgeSource {
  return {
    id: row.id,
    propertyId: row.property_id,
    kind: row.kind as KnowledgeSourceKind,
    name: row.name,
    content: row.content,
    format: row.format,
    url: row.url,
    urls: parseJson<string[]>(row.urls_json, []),
    maxPages: row.max_pages,
    refreshedAt: row.refreshed_at,
    // PostgreSQL returns counts as strings.
    documentCount: Number(row.documents ?? 0),
    failedDocumentCount: Number(row.failed ?? 0),
    passageCount: Number(row.passages ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Adds `delta` to the passage count of each term (in sorted order: concurrent writers lock rows alike). */
async function countTermChanges(
  transaction: Transaction<Database>,
  propertyId: string,
  deltas: Map<string, number>,
): Promise<void> {
  const rows = [...deltas]
    .filter(([, delta]) => delta !== 0)
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([term, passages]) => ({ property_id: propertyId, term, passages }));
  for (const batch of chunk(rows, BATCH)) {
    await transaction
      .insertInto('knowledge_terms')
      .values(batch)
      .onConflict((conflict) =>
        conflict
          .columns(['property_id', 'term'])
          .doUpdateSet({ passages: sql`knowledge_terms.passages + excluded.passages` }),
      )
      .execute();
  }
  await transaction
    .deleteFrom('knowledge_terms')
    .where('property_id', '=', propertyId)
    .where('passages', '<=', 0)
    .execute();
}

/** Creates the knowledge repository over a store context. */
export function createKnowledgeRepository({ db, prepare }: StoreContext) {
  // Read by every chat turn.
  const sourceLinksOf = prepare<{ agentId: string }, AgentKnowledgeSourceTable>((db, param) =>
    db
      .selectFrom('agent_knowledge_sources')
      .selectAll()
      .where('agent_id', '=', param('agentId'))
      .orderBy('created_at')
      .orderBy('source_id'),
  );

  const postgres = !(db.getExecutor().adapter instanceof SqliteAdapter);
  // A knowledge search of a turn runs these, prepared once: the terms and the sources as one value
  // each (an array on PostgreSQL, a JSON array on SQLite) rather than one parameter per item, so that
  // any number of them is the same statement.
  const termCounts = prepare<
    { propertyId: string; terms: string[] | string },
    Pick<KnowledgeTermTable, 'term' | 'passages'>
  >((db, param) =>
    db
      .selectFrom('knowledge_terms')
      .select(['term', 'passages'])
      .where('property_id', '=', param('propertyId'))
      .where(
        postgres
          ? sql<boolean>`term = any(cast(${param('terms')} as text[]))`
          : sql<boolean>`term in (select value from json_each(${param('terms')}))`,
      ),
  );
  // SQLite's search (PostgreSQL's is planned for its words at each run, below). The limit is cast:
  // SQLite plans a statement whose LIMIT is a bare parameter again at every run.
  const passagesMatching = prepare<{ match: string; sources: string; limit: number }, PassageRow>(
    (db, param) => ({
      compile: () =>
        sql<PassageRow>`
          SELECT p.id, p.source_id, p.document_id, p.title, p.heading, p.url, p.text, p.position
          FROM knowledge_passages_fts JOIN knowledge_passages p ON p.id = knowledge_passages_fts.rowid
          WHERE knowledge_passages_fts MATCH ${param('match')}
            AND p.source_id IN (SELECT value FROM json_each(${param('sources')}))
          ORDER BY bm25(knowledge_passages_fts, 4.0, 2.0, 1.0), p.id
          LIMIT cast(${param('limit')} as integer)`.compile(db),
    }),
  );

  /**
   * One knowledge writer per property at a time on PostgreSQL (SQLite has one writer anyway): the
   * term counts of a property change together. Taken first in the transaction, before any row lock
   * (a new source's foreign key check locks the property row too); NO KEY UPDATE leaves those alone.
   */
  async function lockProperty(transaction: Transaction<Database>, propertyId: string): Promise<void> {
    if (postgres)
      await transaction
        .selectFrom('properties')
        .select('id')
        .where('id', '=', propertyId)
        .forNoKeyUpdate()
        .execute();
  }

  /** The property of a source, locked for writing its knowledge; undefined when the source is gone. */
  async function lockSource(transaction: Transaction<Database>, id: string): Promise<string | undefined> {
    const row = await transaction
      .selectFrom('knowledge_sources')
      .select('property_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (row) await lockProperty(transaction, row.property_id);
    return row?.property_id;
  }

  /** Replaces the documents and passages of a source, keeping the term counts, in `transaction`. */
  async function writeDocuments(
    transaction: Transaction<Database>,
    source: { id: string; propertyId: string },
    documents: KnowledgeDocumentInput[],
  ): Promise<void> {
    const deltas = new Map<string, number>();
    const add = (term: string, delta: number) => deltas.set(term, (deltas.get(term) ?? 0) + delta);
    const old = await transaction
      .selectFrom('knowledge_passages')
      .select('terms')
      .where('source_id', '=', source.id)
      .execute();
    for (const row of old) for (const term of row.terms.split(' ').filter(Boolean)) add(term, -1);
    add(ALL_PASSAGES, -old.length);
    await transaction.deleteFrom('knowledge_passages').where('source_id', '=', source.id).execute();
    await transaction.deleteFrom('knowledge_documents').where('source_id', '=', source.id).execute();
    const time = now();
    const passages: Insertable<Database['knowledge_passages']>[] = [];
    const rows = documents.map((document, position) => {
      const id = newId();
      for (const [index, passage] of document.passages.entries()) {
        const terms = [...new Set(passage.terms.filter((term) => term && !term.includes(' ')))];
        for (const term of terms) add(term, 1);
        passages.push({
          source_id: source.id,
          document_id: id,
          property_id: source.propertyId,
          position: index,
          title: document.title,
          heading: passage.heading,
          url: document.url ?? null,
          text: passage.text,
          terms: terms.join(' '),
        });
      }
      return {
        id,
        source_id: source.id,
        position,
        title: document.title,
        url: document.url ?? null,
        text: document.text,
        error: document.error ?? null,
        fetched_at: document.fetchedAt ?? null,
      };
    });
    add(ALL_PASSAGES, passages.length);
    for (const batch of chunk(rows, BATCH))
      await transaction.insertInto('knowledge_documents').values(batch).execute();
    for (const batch of chunk(passages, BATCH))
      await transaction.insertInto('knowledge_passages').values(batch).execute();
    await countTermChanges(transaction, source.propertyId, deltas);
    await transaction
      .updateTable('knowledge_sources')
      .set({ refreshed_at: time, updated_at: time })
      .where('id', '=', source.id)
      .execute();
  }

  async function getSource(executor: Kysely<Database>, id: string): Promise<KnowledgeSource | undefined> {
    const row = await selectSources(executor).where('s.id', '=', id).executeTakeFirst();
    return row && toSource(row);
  }

  function selectSources(executor: Kysely<Database>) {
    return executor
      .selectFrom('knowledge_sources as s')
      .selectAll('s')
      .select((eb) => [
        eb
          .selectFrom('knowledge_documents as d')
          .whereRef('d.source_id', '=', 's.id')
          .select(eb.fn.countAll().as('n'))
          .as('documents'),
        eb
          .selectFrom('knowledge_documents as d')
          .whereRef('d.source_id', '=', 's.id')
          .where('d.error', 'is not', null)
          .select(eb.fn.countAll().as('n'))
          .as('failed'),
        eb
          .selectFrom('knowledge_passages as p')
          .whereRef('p.source_id', '=', 's.id')
          .select(eb.fn.countAll().as('n'))
          .as('passages'),
      ]);
  }

  return {
    /** Creates a source with its documents, in one transaction. */
    async createSource(
      input: CreateKnowledgeSourceInput,
      documents: KnowledgeDocumentInput[],
    ): Promise<KnowledgeSource> {
      const time = now();
      const id = newId();
      await db.transaction().execute(async (transaction) => {
        await lockProperty(transaction, input.propertyId);
        await transaction
          .insertInto('knowledge_sources')
          .values({
            id,
            property_id: input.propertyId,
            kind: input.kind,
            name: input.name,
            content: input.content ?? null,
            format: input.format ?? null,
            url: input.url ?? null,
            urls_json: JSON.stringify(input.urls ?? []),
            max_pages: input.maxPages ?? null,
            refreshed_at: null,
            created_at: time,
            updated_at: time,
          })
          .execute();
        await writeDocuments(transaction, { id, propertyId: input.propertyId }, documents);
      });
      return (await getSource(db, id))!;
    },
    /** Changes a source's fields and, when given, replaces its documents, in one transaction. */
    async updateSource(
      id: string,
      input: UpdateKnowledgeSourceInput,
      documents?: KnowledgeDocumentInput[],
    ): Promise<KnowledgeSource | undefined> {
      const found = await db.transaction().execute(async (transaction) => {
        if (documents && !(await lockSource(transaction, id))) return false;
        const changes: Partial<KnowledgeSourceTable> = { updated_at: now() };
        if (input.name !== undefined) changes.name = input.name;
        if (input.content !== undefined) changes.content = input.content;
        if (input.format !== undefined) changes.format = input.format;
        if (input.url !== undefined) changes.url = input.url;
        if (input.urls !== undefined) changes.urls_json = JSON.stringify(input.urls);
        if (input.maxPages !== undefined) changes.max_pages = input.maxPages;
        const row = await transaction
          .updateTable('knowledge_sources')
          .set(changes)
          .where('id', '=', id)
          .returning(['id', 'property_id'])
          .executeTakeFirst();
        if (row && documents)
          await writeDocuments(transaction, { id, propertyId: row.property_id }, documents);
        return Boolean(row);
      });
      return found ? getSource(db, id) : undefined;
    },
    /** Replaces a source's documents (a website fetched again). */
    async replaceDocuments(
      id: string,
      documents: KnowledgeDocumentInput[],
    ): Promise<KnowledgeSource | undefined> {
      return this.updateSource(id, {}, documents);
    },
    getSource: (id: string) => getSource(db, id),
    async listSources(propertyId: string): Promise<KnowledgeSource[]> {
      const rows = await selectSources(db).where('s.property_id', '=', propertyId).orderBy('s.id').execute();
      return rows.map(toSource);
    },
    /** Deletes a source with its documents, passages and agent links; false when it did not exist. */
    async deleteSource(id: string): Promise<boolean> {
      return db.transaction().execute(async (transaction) => {
        const propertyId = await lockSource(transaction, id);
        if (!propertyId) return false;
        await writeDocuments(transaction, { id, propertyId }, []);
        await transaction.deleteFrom('knowledge_sources').where('id', '=', id).execute();
        return true;
      });
    },
    /** The documents of a source in order, with their passage counts. */
    async listDocuments(sourceId: string): Promise<KnowledgeDocument[]> {
      const rows = await db
        .selectFrom('knowledge_documents as d')
        .selectAll('d')
        .select((eb) =>
          eb
            .selectFrom('knowledge_passages as p')
            .whereRef('p.document_id', '=', 'd.id')
            .select(eb.fn.countAll().as('n'))
            .as('passages'),
        )
        .where('d.source_id', '=', sourceId)
        .orderBy('d.position')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        sourceId: row.source_id,
        position: row.position,
        title: row.title,
        url: row.url,
        text: row.text,
        error: row.error,
        fetchedAt: row.fetched_at,
        passages: Number(row.passages ?? 0),
      }));
    },
    /**
     * How many passages of the property hold each term, and all of them (`total`). Terms no passage
     * holds are absent from `counts`.
     */
    async countTerms(
      propertyId: string,
      terms: string[],
    ): Promise<{ total: number; counts: Map<string, number> }> {
      const counts = new Map<string, number>();
      let total = 0;
      const asked = [ALL_PASSAGES, ...new Set(terms)].map((term) => replaceNul(term) as string);
      const rows = await termCounts.all({ propertyId, terms: postgres ? asked : JSON.stringify(asked) });
      for (const row of rows) {
        if (row.term === ALL_PASSAGES) total = Number(row.passages);
        else counts.set(row.term, Number(row.passages));
      }
      return { total, counts };
    },
    /** Passages of the sources holding any of the words, best first by the full-text index's rank. */
    async searchPassages(input: SearchPassagesInput): Promise<KnowledgePassage[]> {
      const words = [...new Set(input.words.map((word) => word.toLowerCase()))].filter((word) =>
        WORD.test(word),
      );
      const prefixes = [...new Set((input.prefixes ?? []).map((word) => word.toLowerCase()))].filter((word) =>
        WORD.test(word),
      );
      if (input.sourceIds.length === 0 || words.length + prefixes.length === 0) return [];
      const limit = Math.max(1, Math.min(input.limit, 500));
      let rows: PassageRow[];
      if (postgres) {
        const sources = sql.join(input.sourceIds);
        const query = [...words, ...prefixes.map((prefix) => `${prefix}:*`)].join(' | ');
        ({ rows } = await sql<PassageRow>`
          SELECT id, source_id, document_id, title, heading, url, text, position
          FROM knowledge_passages, to_tsquery('english', ${query}) AS query
          WHERE search @@ query AND source_id IN (${sources})
          ORDER BY ts_rank_cd(search, query, 1) DESC, id
          LIMIT ${limit}`.execute(db));
      } else {
        // Each word quoted: FTS5 reads nothing in it as syntax.
        const match = [...words.map((word) => `"${word}"`), ...prefixes.map((prefix) => `"${prefix}"*`)].join(
          ' OR ',
        );
        rows = await passagesMatching.all({ match, sources: JSON.stringify(input.sourceIds), limit });
      }
      return rows.map((row) => ({
        id: Number(row.id),
        sourceId: row.source_id,
        documentId: row.document_id,
        title: row.title,
        heading: row.heading,
        url: row.url,
        text: row.text,
        position: row.position,
      }));
    },
    /** Switches a source on or off for an agent (creates the link when missing). */
    async setAgentSource(agentId: string, sourceId: string, enabled: boolean): Promise<AgentKnowledgeLink> {
      await db
        .insertInto('agent_knowledge_sources')
        .values({ agent_id: agentId, source_id: sourceId, enabled: enabled ? 1 : 0, created_at: now() })
        .onConflict((conflict) =>
          conflict.columns(['agent_id', 'source_id']).doUpdateSet({ enabled: enabled ? 1 : 0 }),
        )
        .execute();
      const links = await this.listAgentSources(agentId);
      return links.find((link) => link.sourceId === sourceId)!;
    },
    async listAgentSources(agentId: string): Promise<AgentKnowledgeLink[]> {
      const rows = await sourceLinksOf.all({ agentId });
      return rows.map((row) => ({
        agentId: row.agent_id,
        sourceId: row.source_id,
        enabled: row.enabled === 1,
        createdAt: row.created_at,
      }));
    },
  };
}

/** The knowledge repository. */
export type KnowledgeRepository = ReturnType<typeof createKnowledgeRepository>;
