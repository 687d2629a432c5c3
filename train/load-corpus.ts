// Reads every OpenAPI document under a folder with the product's own compiler, as rankable catalogs.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { importSchema } from '../src/openapi/index.js';
import { type RankableTool, toRankableTool } from '../src/tools/ranking/rankable-tool.js';

/** One compiled document of the corpus. */
export interface CorpusDocument {
  /** Its path below the corpus folder: the unit of the train/test split. */
  id: string;
  tools: RankableTool[];
}

function listFiles(folder: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) files.push(...listFiles(path));
    else if (/\.(ya?ml|json)$/i.test(name) && !name.startsWith('_')) files.push(path);
  }
  return files;
}

/**
 * Compiles the documents under `folder` that have between `min` and `max` callable operations. With
 * `cacheFile`, the compiled catalogs are kept there and reused while the files' names and sizes stay
 * the same (delete it after changing the compiler).
 */
export async function loadCorpus(
  folder: string,
  options: { min?: number; max?: number; cacheFile?: string } = {},
): Promise<CorpusDocument[]> {
  const files = listFiles(folder);
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        options.min,
        options.max,
        files.map((path) => [relative(folder, path), statSync(path).size]),
      ]),
    )
    .digest('hex');
  if (options.cacheFile && existsSync(options.cacheFile)) {
    const cached = JSON.parse(readFileSync(options.cacheFile, 'utf8')) as {
      key: string;
      documents: CorpusDocument[];
    };
    if (cached.key === key) return cached.documents;
  }
  const documents = await compileCorpus(folder, files, options);
  if (options.cacheFile) {
    mkdirSync(dirname(options.cacheFile), { recursive: true });
    writeFileSync(options.cacheFile, JSON.stringify({ key, documents }));
  }
  return documents;
}

async function compileCorpus(folder: string, files: string[], options: { min?: number; max?: number }) {
  const documents: CorpusDocument[] = [];
  const seen = new Set<string>();
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    if (text.length > 6_000_000) continue;
    const result = await importSchema(text);
    if (!result.ok) continue;
    // The corpus holds some documents twice (bundled and original); one copy is enough.
    if (seen.has(result.value.sha256)) continue;
    seen.add(result.value.sha256);
    const tools = result.value.tools.filter((tool) => tool.callable).map(toRankableTool);
    if (tools.length < (options.min ?? 2) || tools.length > (options.max ?? 1500)) continue;
    documents.push({ id: relative(folder, path), tools });
  }
  return documents;
}

/** Compiles one document given as text or object; undefined when it is rejected. */
export async function compileDocument(document: unknown): Promise<RankableTool[] | undefined> {
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  const result = await importSchema(text);
  return result.ok ? result.value.tools.filter((tool) => tool.callable).map(toRankableTool) : undefined;
}
