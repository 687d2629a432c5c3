// The knowledge of eval cases, indexed as the server indexes it: an in-memory SQLite store, each case's
// sources read by the knowledge layer, searched by the same search a turn uses.
import { randomBytes } from 'node:crypto';
import type { EvalKnowledge, PrepareKnowledge } from '../agent/eval/index.js';
import { readSourceContent } from '../knowledge/index.js';
import { createKnowledgeSearch } from '../server/index.js';
import { createStore, type Store } from '../store/index.js';

/** Indexes knowledge for eval cases; close it when the run is done. */
export interface EvalKnowledgeStore {
  prepare: PrepareKnowledge;
  close(): Promise<void>;
}

/** Opens an in-memory store for the run (nothing is written to disk). */
export async function openEvalKnowledge(): Promise<EvalKnowledgeStore> {
  let store: Store | undefined;
  const open = async () => {
    store ??= await createStore({ sqlitePath: ':memory:', secretKey: randomBytes(32) });
    return store;
  };
  return {
    async prepare(sources): Promise<EvalKnowledge> {
      const opened = await open();
      const property = await opened.properties.create({ name: 'eval' });
      const sourceNames = new Map<string, string>();
      for (const [index, content] of sources.entries()) {
        const read = readSourceContent(content);
        if (!read.ok) throw new Error(`knowledge source ${index + 1}: ${read.message}`);
        const source = await opened.knowledge.createSource(
          { propertyId: property.id, kind: content.kind, name: read.name },
          read.documents,
        );
        sourceNames.set(source.id, read.name);
      }
      return { search: createKnowledgeSearch(opened, property.id, [...sourceNames.keys()]), sourceNames };
    },
    close: async () => store?.close(),
  };
}
