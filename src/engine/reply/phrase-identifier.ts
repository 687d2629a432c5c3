// The action an operationId names, when its summary names none: `RefundPayment` -> refund a payment,
// `RetrieveCard` -> look up a card, `AddGroupToCustomer` -> add a group to a customer.
import { identifierWords, isPlural, isVerb, MANY, verbOf } from './action-words.js';
import { singularOf } from './name-subject.js';
import {
  joinAction,
  PREPOSITIONS,
  phraseRoute,
  type Route,
  routeObject,
  withRouteObject,
} from './phrase-route.js';

/** HTTP methods as operationIds spell them when they are made from the route (`PostChargesChargeRefund`). */
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** Words in front of an operationId's verb: `DeprecatedRetrieveX`, `BatchChangeInventory` (the action on many). */
const MARKERS = new Set(['deprecated', 'batch', 'bulk']);

/** Whether an operationId only spells its route (`PostChargesChargeRefund`, `getBoardsMembersByIdBoard`). */
function spellsRoute(words: string[], route: Route): boolean {
  if (!METHODS.has(words[0])) return false;
  const spelled = words.slice(1).map((word) => word.toLowerCase());
  const literal = route.segments.filter((segment) => !segment.parameter).flatMap((segment) => segment.words);
  // "post", "put" and "patch" are no verbs a person uses for an action; "get" and "delete" are, so
  // theirs must spell a parameter too (`ChargesCharge`, `FeesIdRefunds`), unlike `DeleteCatalogObject`,
  // an action whose words the route happens to hold.
  return (
    literal.length > 0 &&
    literal.every((word) => spelled.includes(word.toLowerCase())) &&
    (!['get', 'delete'].includes(words[0]) || spelled.length > literal.length)
  );
}

/** The words of the action, verb first. */
function actionWords(identifier: string): { words: string[]; many: boolean } {
  // Magento's `quoteGuestCartManagementV1AssignCustomerPut`: a service, its version, then the action.
  const service = /^[a-z]\w*?V\d+([A-Z]\w*?)(?:Get|Post|Put|Patch|Delete)?$/.exec(identifier);
  let words = identifierWords(service ? service[1] : identifier);
  // `Payments_List`, `Accounts_ListByResourceGroup`: the resource, then what is done with it.
  const parts = identifier.split(/_+/).filter(Boolean);
  if (parts.length === 2) {
    const [noun, action] = parts.map(identifierWords);
    if (action.length > 0 && isVerb(action[0]) && !isVerb(noun[0]))
      words = [action[0], ...noun, ...action.slice(1)];
  }
  let many = false;
  while (words.length > 1 && MARKERS.has(words[0])) {
    many ||= words[0] !== 'deprecated';
    words = words.slice(1);
  }
  // `addOrUpdateCartItem`: two verbs, one object.
  if (words[1] === 'or' && isVerb(words[2]))
    words = [`${verbOf(words[0])} or ${verbOf(words[2])}`, ...words.slice(3)];
  return { words, many };
}

/** The action `identifier` names, its object written as `route` shows it (one record, the only one, made). */
export function phraseIdentifier(
  identifier: string,
  route: Route | undefined,
  own?: boolean,
): string | undefined {
  const plain = identifierWords(identifier);
  if (plain.length === 0) return undefined;
  if (route && spellsRoute(plain, route)) return phraseRoute(route, own);
  const { words, many } = actionWords(identifier);
  const [first, ...rest] = words;
  // "by ID", "by board ID": how the route finds the record, not what is done.
  const parameterWords = new Set(
    route?.segments.filter((segment) => segment.parameter).flatMap((segment) => segment.words) ?? [],
  );
  const by = rest.indexOf('by');
  let object =
    by >= 0 && rest.slice(by + 1).every((word) => word === 'ID' || parameterWords.has(word))
      ? rest.slice(0, by)
      : rest;
  // "create", "archive": the route names what; a verb alone ("think") says nothing.
  if (object.length === 0) return withRouteObject(verbOf(first), route, own);
  // `DeleteByQuoteId` on `/carts/{cartId}/coupons`: what is deleted, by what.
  if (PREPOSITIONS.has(object[0])) {
    const record = routeObject(route, verbOf(first)) ?? [];
    // `/estimate-shipping-methods` names the verb too.
    object = [...(record[0] === first ? record.slice(1) : record), ...object];
  }
  const last = route?.segments[route.segments.length - 1];
  const lastWord = last?.words[last.words.length - 1] ?? '';
  // `getEmployeesById` on `/employees/{id}` looks up one employee.
  const cut = object.findIndex((word) => PREPOSITIONS.has(word));
  const head = (cut < 0 ? object.length : cut) - 1;
  if (last?.parameter && head >= 0 && !MANY.has(first) && isPlural(object[head]))
    object[head] = singularOf(object[head]);
  return joinAction(verbOf(first), object, {
    own,
    many,
    // `GET /bookings/business-booking-profile`: the one there is.
    single: route?.method === 'get' && last !== undefined && !last.parameter && !isPlural(lastWord),
    // `POST /refunds` makes a refund; `POST /refunds` named `RefundPayment` refunds a payment.
    makes:
      route?.method === 'post' &&
      last !== undefined &&
      !last.parameter &&
      singularOf(lastWord) === singularOf(object[object.length - 1]),
  });
}
