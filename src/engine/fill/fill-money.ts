// A money object ({value, currency_code}, {amount, currency}) filled from an amount the message gives
// ("refund $12.50"): APIs that move money take the amount and its currency together, and a customer
// names both at once, whether or not they say the input's name.
import { listParameters } from '../catalog/list-parameters.js';
import { classifyParameter } from './classify-parameter.js';
import { currencyOfSymbol, findCurrencies, toInputAmount } from './find-currencies.js';
import type { Mention } from './mention.js';
import type { MessageToken } from './tokenize-message.js';

const AMOUNT_NAME = /^(value|amount|total|sum)$/i;

/** The object's amount and currency fields, when it is a money object. */
function moneyFields(schema: Record<string, unknown>) {
  const fields = listParameters(schema).map(classifyParameter);
  const amount = fields.find(
    (field) => AMOUNT_NAME.test(field.name) && ['number', 'integer', 'string'].includes(field.type ?? ''),
  );
  const currency = fields.find((field) => field.kind === 'currency' || /currency/i.test(field.name));
  return amount && currency ? { amount, currency } : undefined;
}

/**
 * The money object `schema` describes, filled from the first amount of money among `mentions`
 * (numbers `findNumbers` marked as money), with the currency its symbol or a named currency gives;
 * undefined when the schema is no money object or the message names no amount.
 */
export function fillMoney(
  schema: Record<string, unknown>,
  text: string,
  tokens: MessageToken[],
  mentions: Mention[],
): Record<string, unknown> | undefined {
  const fields = moneyFields(schema);
  const money = mentions.find((mention) => mention.kind === 'number' && mention.money);
  if (!fields || !money || typeof money.value !== 'number') return undefined;
  const digits = /\d[\d,]*(?:\.\d+)?/.exec(money.text)?.[0].replace(/,/g, '') ?? String(money.value);
  const symbol = /[$€£¥]/.exec(money.text)?.[0];
  const currency = symbol ? currencyOfSymbol(symbol) : findCurrencies(text, tokens)[0]?.value;
  return {
    [fields.amount.name]:
      fields.amount.type === 'string'
        ? digits
        : toInputAmount(
            money.value,
            fields.amount.description,
            typeof currency === 'string' ? currency : undefined,
          ),
    ...(currency ? { [fields.currency.name]: currency } : {}),
  };
}
