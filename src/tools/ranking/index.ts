// The one ranking stack: operations scored for a message by a model learned across real APIs.

export type { AnalyzedQuery, QueryId } from './analyze-query.js';
export { indexCatalogCached } from './cached-catalog-index.js';
export { NONE_FEATURES, TOOL_FEATURES } from './extract-features.js';
export {
  abbreviates,
  contradictsIdForm,
  fitsIdForm,
  holdsId,
  idNounStems,
  inputRecord,
  isIdName,
  type PathParameter,
} from './id-inputs.js';
export {
  type CatalogIndex,
  createsRecord,
  type IndexedTool,
  isFreeTextName,
  isPlural,
  isReadMethod,
  withoutFormat,
} from './index-catalog.js';
export {
  noneAgainst,
  type RankCatalogOptions,
  type RankedTool,
  type Ranking,
  rankCatalog,
} from './rank-catalog.js';
export {
  OPERATION_SHAPE_KEY,
  type OperationShape,
  type RankableTool,
  readOperationShape,
  shapeOf,
  shapeProviderOptions,
  toRankableTool,
} from './rankable-tool.js';
export { loadRankingModel, type RankingModel, verbProfile } from './ranking-model.js';
export { readIds } from './read-ids.js';
export { EMAIL_ADDRESS, PHONE } from './read-values.js';
export { contentStems, isContentWord, joinPhrasalVerbs, splitWords, stemOf } from './read-words.js';
