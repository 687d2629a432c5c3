// The demo store's help articles and FAQ file, added as knowledge sources of the demo agent so
// "What's your return policy?" is answered from them out of the box.

import type { Store } from '../../store/index.js';
import { type KnowledgeSourceInput, readKnowledgeSource } from '../knowledge-sources.js';

const help = 'https://demo-store.example/help';

/** One article of the demo's help center (Markdown). */
export interface DemoArticle {
  title: string;
  url: string;
  body: string;
}

/** The demo's articles. */
export const demoArticles: DemoArticle[] = [
  {
    title: 'Shipping and delivery',
    url: `${help}/shipping`,
    body: `# Shipping and delivery

We ship every order from our workshop in Portland, Oregon. Orders placed before 1 pm Pacific time on a business day leave the same day; later orders leave the next business day.

## Delivery times and costs

| Service | Time | Cost |
|---|---|---|
| Standard (USPS Ground Advantage) | 3 to 5 business days | $6, free on orders over $75 |
| Express (UPS 2nd Day Air) | 2 business days | $18 |
| Overnight (UPS Next Day Air) | next business day | $35 |

Standard shipping is free on every order over $75 within the United States. Express and overnight orders placed after 1 pm Pacific leave the next business day.

## International shipping

We ship to Canada, the United Kingdom, the European Union, Australia and Japan with DHL Express. Delivery takes 4 to 8 business days and costs a flat $25. Import duties and taxes are charged by your country's customs on delivery and are not included in our prices. We do not currently ship to other countries, to P.O. boxes outside the US, or to freight forwarders.

## Tracking your parcel

As soon as your order leaves the workshop we email you the carrier and a tracking link. You can also ask our assistant with your order number. A parcel marked delivered that you cannot find should be reported within 7 days, and we will open a claim with the carrier.`,
  },
  {
    title: 'Returns and refunds',
    url: `${help}/returns`,
    body: `# Returns and refunds

You can return any unused item within 30 days of delivery for a full refund. Items must be unworn, with their tags and in the original dust bag. Personalized (monogrammed) items and gift cards cannot be returned.

## How to return an item

Start a return with our assistant or from your order page: give your order number and the reason. We email you a prepaid USPS label within one business day. Returns within the United States are free; international customers pay for return shipping.

## Refunds

We refund to your original payment method within 5 business days of receiving the item. Your bank may take another 3 to 5 days to show it. Original shipping costs are refunded only when the item arrived damaged or was not what you ordered.

## Exchanges

We do not exchange items directly. Return the item for a refund and place a new order for the color or size you want; we ship the new order at once, without waiting for the return.`,
  },
  {
    title: 'Warranty and repairs',
    url: `${help}/warranty`,
    body: `# Warranty and repairs

Every bag, wallet and belt comes with a 2-year warranty against defects in materials and workmanship: broken stitching, failed zippers, hardware that breaks or handles that come loose. The warranty starts on the day of delivery and covers the original buyer.

## What the warranty does not cover

Normal wear and the patina leather develops, scratches, water stains, damage from accidents, dogs or misuse, and items repaired or altered by someone else are not covered.

## Making a warranty claim

Email care@demo-store.example with your order number and photos of the problem. If the defect is covered we repair the item in our workshop or, when it cannot be repaired, replace it. We pay for shipping both ways. Repairs take about two weeks.

## Repairs after the warranty

Out of warranty, we still repair our own products at cost: a new zipper is $25, restitching a strap $30. Send us photos and we will quote first.`,
  },
  {
    title: 'Caring for your leather',
    url: `${help}/leather-care`,
    body: `# Caring for your leather

Our full-grain and vegetable-tanned leathers age beautifully with a little care.

## Everyday care

Wipe the leather with a soft, dry cloth to remove dust. Keep it away from direct heat and long periods of strong sunlight, which dry it out and fade the color. Store bags stuffed with paper in their dust bag, not in plastic.

## Cleaning and conditioning

For dirt, use a slightly damp cloth and let the leather dry naturally at room temperature; never use a hair dryer. Do not use soap, alcohol, baby wipes or household cleaners. Condition the leather every three to six months with a neutral leather conditioner: apply a thin layer with a cloth, wait ten minutes and buff off the rest.

## Rain and stains

If your bag gets wet, blot it with a towel and let it dry away from heat. Light water marks usually fade as the leather dries. For oil or ink stains, do not rub: contact us and we will advise you before you try anything.

## Waxed canvas

The canvas of our weekender bag is waxed. Brush off dirt when dry and rewax it once a year with a canvas wax bar.`,
  },
  {
    title: 'Payment methods',
    url: `${help}/payment`,
    body: `# Payment methods

We accept Visa, Mastercard, American Express and Discover credit and debit cards, PayPal, Apple Pay, Google Pay and Shop Pay. All prices are in US dollars.

## Paying in installments

With Shop Pay Installments you can split an order between $50 and $3,000 into four interest-free payments every two weeks. Choose it at checkout; approval is instant.

## When you are charged

Your card is charged when you place the order. If an item turns out to be out of stock, we refund that part of the order at once.

## Gift cards and discount codes

Gift cards and discount codes are entered at checkout. Only one discount code can be used per order, and codes cannot be combined with sale prices.

## Invoices and sales tax

You receive a receipt by email with every order, and the assistant can look up your invoice and payment status. We charge sales tax in the states where the law requires it; it is shown at checkout.`,
  },
];

/** The demo's FAQ file (CSV: question, answer). */
export const demoFaqCsv = `question,answer
Do you offer gift wrapping?,"Yes. Choose gift wrapping at checkout for $5: the item comes in a gift box with a handwritten card, and the receipt shows no prices."
Can you monogram my bag?,"Yes, most bags, wallets and belts can be embossed with up to three initials for $15. Monogrammed items ship two business days later and cannot be returned."
Can I change or cancel my order?,"You can change or cancel an order until it ships, usually within a few hours. Ask our assistant or reply to your order email as soon as possible."
Do you have a physical store?,"Yes, our workshop store is at 412 NW Couch Street, Portland. It is open Tuesday to Saturday, 10 am to 6 pm."
How can I contact customer service?,"Chat with us here, or email hello@demo-store.example. A person answers Monday to Friday, 9 am to 5 pm Pacific time, usually within one business day."
Where is your leather from?,"Our leather comes from two family-run tanneries in Italy and the United States that work with hides left over from the food industry."
Do you sell gift cards?,"Yes, digital gift cards from $25 to $500 are sent by email on the date you choose. They never expire."
How do I choose my belt size?,"Order your trouser waist size plus 2 inches. For example, if you wear 32-inch trousers, choose a 34 belt."
Do you offer student or military discounts?,"We offer 10% off for students, teachers and active or veteran military through ID verification at checkout."
Will my order be delayed by the holidays?,"Order by December 15 with standard shipping, or by December 20 with express, to receive it before December 24 in the US."
`;

/** Adds the demo's articles and FAQ file to its property and switches them on for its agent. */
export async function seedDemoKnowledge(
  store: Store,
  ids: { propertyId: string; agentId: string },
): Promise<void> {
  const inputs: KnowledgeSourceInput[] = [
    ...demoArticles.map(
      (article): KnowledgeSourceInput => ({
        kind: 'article',
        title: article.title,
        body: article.body,
        format: 'markdown',
        url: article.url,
      }),
    ),
    { kind: 'faq', name: 'Demo Store FAQ', csv: demoFaqCsv },
  ];
  for (const input of inputs) {
    // Nothing is fetched: articles and the FAQ are read in place.
    const { fields, documents } = await readKnowledgeSource(input, { allowHosts: [] });
    const source = await store.knowledge.createSource(
      { propertyId: ids.propertyId, kind: input.kind, ...fields },
      documents,
    );
    await store.knowledge.setAgentSource(ids.agentId, source.id, true);
  }
}
