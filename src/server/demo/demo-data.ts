// The demo store's data: a small leather-goods shop with products, orders in every state, invoices,
// billing details and stores. Fixed data, so the guide's checks always give the same answers.

/** A product of the catalog. */
export interface DemoProduct {
  sku: string;
  name: string;
  category: 'bags' | 'wallets' | 'belts' | 'accessories';
  price: number;
  currency: 'USD';
  /** Units in stock; 0 means out of stock. */
  stock: number;
  colors: string[];
  description: string;
  url: string;
}

/** A customer of the demo store (the demo page signs in as one of them). */
export interface DemoCustomer {
  /** The id the store's API knows them by: the `sub` of their identity token. */
  id: string;
  name: string;
  email: string;
}

/** The store's customers. */
export const demoCustomers: DemoCustomer[] = [
  { id: '1001', name: 'Alex Morgan', email: 'alex@example.com' },
  { id: '1002', name: 'Sam Lee', email: 'sam@example.com' },
  { id: '1003', name: 'Jordan Diaz', email: 'jordan@example.com' },
];

/** The id of the customer with `email`. */
function customerOf(email: string): string {
  return demoCustomers.find((customer) => customer.email === email)?.id ?? '';
}

/** An order and its delivery. */
export interface DemoOrder {
  orderNumber: string;
  /** The customer who placed it. */
  customerId: string;
  email: string;
  status: 'processing' | 'shipped' | 'out_for_delivery' | 'delivered' | 'cancelled' | 'returned';
  placedAt: string;
  items: { sku: string; name: string; quantity: number; price: number }[];
  total: number;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  estimatedDelivery: string | null;
  deliveredAt: string | null;
}

const site = 'https://demo-store.example';

function product(
  sku: string,
  name: string,
  category: DemoProduct['category'],
  price: number,
  stock: number,
  colors: string[],
  description: string,
): DemoProduct {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    sku,
    name,
    category,
    price,
    currency: 'USD',
    stock,
    colors,
    description,
    url: `${site}/products/${slug}`,
  };
}

/** The catalog. */
export const demoProducts: DemoProduct[] = [
  product(
    'SKU-1001',
    'Leather Tote Bag',
    'bags',
    189,
    12,
    ['cognac', 'black'],
    'Roomy full-grain leather tote with an inner zip pocket.',
  ),
  product(
    'SKU-1002',
    'Leather Messenger Bag',
    'bags',
    229,
    4,
    ['brown'],
    'Fits a 15-inch laptop; adjustable shoulder strap.',
  ),
  product(
    'SKU-1003',
    'Leather Backpack',
    'bags',
    259,
    0,
    ['black', 'olive'],
    'Minimal backpack in vegetable-tanned leather.',
  ),
  product(
    'SKU-1004',
    'Leather Crossbody Bag',
    'bags',
    139,
    7,
    ['tan', 'burgundy'],
    'Small crossbody bag for phone, keys and cards.',
  ),
  product(
    'SKU-1005',
    'Canvas Weekender Bag',
    'bags',
    149,
    3,
    ['sand'],
    'Waxed canvas travel bag with leather handles.',
  ),
  product(
    'SKU-2001',
    'Slim Leather Wallet',
    'wallets',
    59,
    25,
    ['black', 'brown'],
    'Holds 6 cards and folded notes.',
  ),
  product(
    'SKU-2002',
    'Zip Around Wallet',
    'wallets',
    79,
    0,
    ['red', 'black'],
    'Zip wallet with coin pocket and 12 card slots.',
  ),
  product(
    'SKU-2003',
    'Leather Card Holder',
    'wallets',
    35,
    40,
    ['navy', 'tan'],
    'Four-slot card holder, hand stitched.',
  ),
  product(
    'SKU-3001',
    'Classic Leather Belt',
    'belts',
    69,
    18,
    ['black', 'brown'],
    '35 mm belt with a solid brass buckle.',
  ),
  product('SKU-3002', 'Braided Leather Belt', 'belts', 75, 2, ['cognac'], 'Woven belt that fits any hole.'),
  product('SKU-4001', 'Leather Key Ring', 'accessories', 19, 60, ['tan'], 'Key ring with a brass clasp.'),
  product(
    'SKU-4002',
    'Leather Care Kit',
    'accessories',
    29,
    9,
    [],
    'Cleaner, conditioner and cloth for leather goods.',
  ),
];

function line(sku: string, quantity: number) {
  const item = demoProducts.find((candidate) => candidate.sku === sku)!;
  return { sku, name: item.name, quantity, price: item.price };
}

function order(fields: Omit<DemoOrder, 'total' | 'customerId'>): DemoOrder {
  return {
    ...fields,
    customerId: customerOf(fields.email),
    total: fields.items.reduce((sum, item) => sum + item.quantity * item.price, 0),
  };
}

/** Records of customers' data with the customer's id beside their email. */
function withCustomerIds<T extends { email: string }>(records: T[]): (T & { customerId: string })[] {
  return records.map((record) => ({ ...record, customerId: customerOf(record.email) }));
}

const ups = (number: string) => `https://www.ups.com/track?tracknum=${number}`;
const dhl = (number: string) => `https://www.dhl.com/en/express/tracking.html?AWB=${number}`;

/** Orders, one in each status. */
export const demoOrders: DemoOrder[] = [
  order({
    orderNumber: '12345',
    email: 'alex@example.com',
    status: 'shipped',
    placedAt: '2026-11-18T10:12:00Z',
    items: [line('SKU-1001', 1)],
    carrier: 'UPS',
    trackingNumber: '1Z999AA10123456784',
    trackingUrl: ups('1Z999AA10123456784'),
    estimatedDelivery: '2026-11-27',
    deliveredAt: null,
  }),
  order({
    orderNumber: '12346',
    email: 'alex@example.com',
    status: 'processing',
    placedAt: '2026-11-23T16:40:00Z',
    items: [line('SKU-2001', 2)],
    carrier: null,
    trackingNumber: null,
    trackingUrl: null,
    estimatedDelivery: '2026-12-01',
    deliveredAt: null,
  }),
  order({
    orderNumber: '12347',
    email: 'sam@example.com',
    status: 'delivered',
    placedAt: '2026-11-02T09:05:00Z',
    items: [line('SKU-1004', 1), line('SKU-4002', 1)],
    carrier: 'DHL',
    trackingNumber: '5804418310',
    trackingUrl: dhl('5804418310'),
    estimatedDelivery: '2026-11-06',
    deliveredAt: '2026-11-06T14:22:00Z',
  }),
  order({
    orderNumber: '12348',
    email: 'sam@example.com',
    status: 'out_for_delivery',
    placedAt: '2026-11-20T11:30:00Z',
    items: [line('SKU-3001', 1)],
    carrier: 'UPS',
    trackingNumber: '1Z999AA10123456785',
    trackingUrl: ups('1Z999AA10123456785'),
    estimatedDelivery: '2026-11-25',
    deliveredAt: null,
  }),
  order({
    orderNumber: '12349',
    email: 'jordan@example.com',
    status: 'cancelled',
    placedAt: '2026-11-10T08:00:00Z',
    items: [line('SKU-2002', 1)],
    carrier: null,
    trackingNumber: null,
    trackingUrl: null,
    estimatedDelivery: null,
    deliveredAt: null,
  }),
  order({
    orderNumber: '12350',
    email: 'jordan@example.com',
    status: 'returned',
    placedAt: '2026-10-21T13:15:00Z',
    items: [line('SKU-1002', 1)],
    carrier: 'DHL',
    trackingNumber: '5804418311',
    trackingUrl: dhl('5804418311'),
    estimatedDelivery: '2026-10-25',
    deliveredAt: '2026-10-24T10:02:00Z',
  }),
];

/** Invoices with their payment state. */
export const demoInvoices = withCustomerIds([
  {
    invoiceNumber: 'INV-2026-001',
    orderNumber: '12347',
    email: 'sam@example.com',
    amount: 168,
    currency: 'USD',
    status: 'paid',
    dueDate: '2026-11-02',
    paidAt: '2026-11-02T09:06:00Z',
    paymentMethod: 'Visa ending 4242',
  },
  {
    invoiceNumber: 'INV-2026-002',
    orderNumber: '12345',
    email: 'alex@example.com',
    amount: 189,
    currency: 'USD',
    status: 'paid',
    dueDate: '2026-11-18',
    paidAt: '2026-11-18T10:13:00Z',
    paymentMethod: 'Mastercard ending 5100',
  },
  {
    invoiceNumber: 'INV-2026-003',
    orderNumber: '12346',
    email: 'alex@example.com',
    amount: 118,
    currency: 'USD',
    status: 'pending',
    dueDate: '2026-11-30',
    paidAt: null,
    paymentMethod: 'Bank transfer',
  },
  {
    invoiceNumber: 'INV-2026-004',
    orderNumber: '12348',
    email: 'sam@example.com',
    amount: 69,
    currency: 'USD',
    status: 'failed',
    dueDate: '2026-11-20',
    paidAt: null,
    paymentMethod: 'Visa ending 0002',
    failureReason: 'The card was declined.',
  },
  {
    invoiceNumber: 'INV-2026-005',
    orderNumber: '12350',
    email: 'jordan@example.com',
    amount: 229,
    currency: 'USD',
    status: 'refunded',
    dueDate: '2026-10-21',
    paidAt: '2026-10-21T13:16:00Z',
    paymentMethod: 'Amex ending 0005',
  },
]);

/** Billing details per customer. */
export const demoBilling = withCustomerIds([
  {
    email: 'alex@example.com',
    name: 'Alex Morgan',
    billingAddress: '12 Harbour Street, Portland, ME 04101, USA',
    paymentMethod: 'Mastercard ending 5100',
    openBalance: 118,
    currency: 'USD',
  },
  {
    email: 'sam@example.com',
    name: 'Sam Lee',
    billingAddress: '48 Elm Avenue, Austin, TX 78701, USA',
    paymentMethod: 'Visa ending 4242',
    openBalance: 69,
    currency: 'USD',
  },
  {
    email: 'jordan@example.com',
    name: 'Jordan Diaz',
    billingAddress: '7 Rue Cler, 75007 Paris, France',
    paymentMethod: 'Amex ending 0005',
    openBalance: 0,
    currency: 'USD',
  },
]);

const weekdays = {
  monday: '10:00-19:00',
  tuesday: '10:00-19:00',
  wednesday: '10:00-19:00',
  thursday: '10:00-20:00',
  friday: '10:00-20:00',
  saturday: '10:00-18:00',
  sunday: 'closed',
};

/** Shops with opening hours. */
export const demoStores = [
  {
    name: 'Demo Store Portland',
    city: 'Portland',
    address: '101 Congress Street, Portland, ME 04101',
    phone: '+1 207 555 0101',
    hours: weekdays,
  },
  {
    name: 'Demo Store Austin',
    city: 'Austin',
    address: '500 Congress Avenue, Austin, TX 78701',
    phone: '+1 512 555 0150',
    hours: { ...weekdays, sunday: '12:00-17:00' },
  },
  {
    name: 'Demo Store Paris',
    city: 'Paris',
    address: '22 Rue du Bac, 75007 Paris',
    phone: '+33 1 55 55 01 22',
    hours: { ...weekdays, monday: 'closed' },
  },
];
