// The demo store's OpenAPI 3.0 document. Its descriptions follow the integration guide: when to call
// each endpoint, how to fill each parameter, and how to read the answer.
import { stringify } from 'yaml';

const error = {
  description: 'A message that can be shown to the customer as is.',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

const orderNumber = {
  name: 'orderNumber',
  in: 'path',
  required: true,
  description:
    'The order number: digits only. Drop a leading "#" ("#12345" is 12345). Ask the customer if they did not give it.',
  schema: { type: 'string', pattern: '^[0-9]{4,10}$', example: '12345' },
};

const customerId = {
  name: 'customerId',
  in: 'path',
  required: true,
  description:
    "The signed-in customer's id. Concierge fills it from the verified identity; never ask for it.",
  schema: { type: 'string', pattern: '^[0-9]{4}$' },
};

const email = {
  name: 'email',
  in: 'query',
  required: true,
  description: "The customer's email address, exactly as they wrote it. Ask for it if it is missing.",
  schema: { type: 'string', format: 'email' },
};

/** A customer's orders, by email or by their own id. */
const customerOrders = {
  description: 'Their orders, newest first.',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: { orders: { type: 'array', items: { $ref: '#/components/schemas/Order' } } },
      },
    },
  },
};

/** The document as an object (served as YAML at /demo/openapi.yaml). */
export const demoOpenApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'Demo Store API',
    version: '1.0.0',
    description:
      "The API of a small leather-goods shop: product catalog, orders and deliveries, invoices and payments, billing details, returns and store locations. Every error answer has a `message` written to be shown to the customer. Personal data (a customer's orders, invoices, billing details, returns) is only given for the signed-in customer named in the `X-Customer-Id` header; tracking an order by its number shows only where it is.",
  },
  servers: [{ url: '/demo/api', description: 'This Concierge server' }],
  security: [{ apiKey: [] }],
  paths: {
    '/products': {
      get: {
        operationId: 'searchProducts',
        summary: 'Search the product catalog',
        description:
          'Use this when the customer looks for products, asks what is available, or asks about price or stock ("Show me leather bags", "Do you have wallets under $60?"). Returns matching products with price and stock; stock 0 means out of stock. An empty list means nothing matched.',
        parameters: [
          {
            name: 'q',
            in: 'query',
            description:
              'Search keywords: the product words from the customer\'s message, e.g. "leather bags". Leave out polite words.',
            schema: { type: 'string', minLength: 1, example: 'leather bags' },
          },
          {
            name: 'category',
            in: 'query',
            description: 'Only products of this category, when the customer names one.',
            schema: { type: 'string', enum: ['bags', 'wallets', 'belts', 'accessories'] },
          },
          {
            name: 'maxPrice',
            in: 'query',
            description: 'Highest price in USD, when the customer gives a budget ("under $100" is 100).',
            schema: { type: 'number', minimum: 0 },
          },
          {
            name: 'inStock',
            in: 'query',
            description: 'true to show only products that are in stock.',
            schema: { type: 'boolean' },
          },
        ],
        responses: {
          '200': {
            description: 'Matching products, best match first.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ProductList' } } },
          },
          '401': error,
        },
      },
    },
    '/products/{sku}': {
      get: {
        operationId: 'getProduct',
        summary: 'Get one product by its SKU',
        description:
          'Use this when the customer gives a product code such as SKU-1001 and wants its details, price or stock.',
        parameters: [
          {
            name: 'sku',
            in: 'path',
            required: true,
            description: 'The product code, e.g. SKU-1001.',
            schema: { type: 'string', pattern: '^SKU-[0-9]{4}$' },
          },
        ],
        responses: {
          '200': {
            description: 'The product.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Product' } } },
          },
          '404': error,
        },
      },
    },
    '/orders/{orderNumber}': {
      get: {
        operationId: 'trackOrder',
        summary: 'Track an order: status, carrier, tracking link and delivery date',
        description:
          'Use this when the customer asks where their order is, when it will arrive, or about its status ("Where is my order #12345?"). Always give the customer the tracking link when there is one.',
        parameters: [orderNumber],
        responses: {
          '200': {
            description: 'The order.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } },
          },
          '404': error,
        },
      },
    },
    '/orders': {
      get: {
        operationId: 'listOrders',
        summary: "List a customer's orders by email",
        description:
          'Use this when the customer asks about their orders but has no order number. Needs their email address.',
        parameters: [email],
        responses: {
          '200': customerOrders,
        },
      },
    },
    '/customers/{customerId}/orders': {
      get: {
        operationId: 'listMyOrders',
        summary: "List the signed-in customer's past purchases",
        description:
          'Use this when a signed-in customer asks what they bought or for their purchase history ("What did I buy last month?"). Returns their orders, newest first, with the items, totals and delivery status.',
        parameters: [customerId],
        responses: {
          '200': customerOrders,
          '401': error,
          '403': error,
        },
      },
    },
    '/customers/{customerId}/invoices': {
      get: {
        operationId: 'listMyInvoices',
        summary: "List the signed-in customer's invoices and payments",
        description:
          'Use this when a signed-in customer asks about their invoices, bills or payments without an invoice number ("Did my last payment go through?", "Show my invoices"). Returns each invoice with its payment status.',
        parameters: [customerId],
        responses: {
          '200': {
            description: 'Their invoices.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    invoices: { type: 'array', items: { $ref: '#/components/schemas/Invoice' } },
                  },
                },
              },
            },
          },
          '401': error,
          '403': error,
        },
      },
    },
    '/invoices/{invoiceNumber}': {
      get: {
        operationId: 'getPaymentStatus',
        summary: 'Check an invoice and its payment status',
        description:
          'Use this when the customer asks whether a payment went through, about a receipt or an invoice (paid, pending, failed or refunded).',
        parameters: [
          {
            name: 'invoiceNumber',
            in: 'path',
            required: true,
            description: 'The invoice number, e.g. INV-2026-001.',
            schema: { type: 'string', pattern: '^INV-[0-9]{4}-[0-9]{3}$' },
          },
        ],
        responses: {
          '200': {
            description: 'The invoice.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Invoice' } } },
          },
          '404': error,
        },
      },
    },
    '/billing': {
      get: {
        operationId: 'getBillingDetails',
        summary: "Read a customer's billing details",
        description:
          'Use this when the customer asks which card or address is on file, or what they owe. Needs their email address.',
        parameters: [email],
        responses: {
          '200': {
            description: 'Billing details.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Billing' } } },
          },
          '404': error,
        },
      },
    },
    '/returns': {
      post: {
        operationId: 'createReturn',
        summary: 'Start a return for a delivered order',
        description:
          'Use this when the customer wants to return or get a refund for an order. Only delivered orders can be returned. Confirm the order number and the reason with the customer first.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['orderNumber', 'reason'],
                properties: {
                  orderNumber: { ...orderNumber.schema, description: orderNumber.description },
                  reason: {
                    type: 'string',
                    minLength: 3,
                    description: "Why the customer returns it, in the customer's words.",
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The return was created.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Return' } } },
          },
          '404': error,
          '409': error,
        },
      },
    },
    '/stores': {
      get: {
        operationId: 'findStores',
        summary: 'Find shops and their opening hours',
        description:
          'Use this when the customer asks for a shop near them, an address, a phone number or opening hours.',
        parameters: [
          {
            name: 'city',
            in: 'query',
            description: 'The city the customer names, e.g. Austin. Leave it out to list every shop.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': {
            description: 'Shops with opening hours per day.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { stores: { type: 'array', items: { $ref: '#/components/schemas/Store' } } },
                },
              },
            },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
    schemas: {
      Error: { type: 'object', properties: { message: { type: 'string' } } },
      Product: {
        type: 'object',
        properties: {
          sku: { type: 'string' },
          name: { type: 'string' },
          category: { type: 'string' },
          price: { type: 'number', description: 'Price in USD.' },
          stock: { type: 'integer', description: 'Units in stock; 0 means out of stock.' },
          colors: { type: 'array', items: { type: 'string' } },
          description: { type: 'string' },
          url: { type: 'string', format: 'uri', description: 'The product page; give it to the customer.' },
        },
      },
      ProductList: {
        type: 'object',
        properties: {
          products: { type: 'array', items: { $ref: '#/components/schemas/Product' } },
          message: { type: 'string' },
        },
      },
      Order: {
        type: 'object',
        properties: {
          orderNumber: { type: 'string' },
          status: {
            type: 'string',
            enum: ['processing', 'shipped', 'out_for_delivery', 'delivered', 'cancelled', 'returned'],
          },
          carrier: { type: 'string', nullable: true },
          trackingUrl: {
            type: 'string',
            format: 'uri',
            nullable: true,
            description: 'Give this link to the customer.',
          },
          estimatedDelivery: { type: 'string', format: 'date', nullable: true },
          deliveredAt: { type: 'string', format: 'date-time', nullable: true },
          total: { type: 'number' },
        },
      },
      Invoice: {
        type: 'object',
        properties: {
          invoiceNumber: { type: 'string' },
          status: { type: 'string', enum: ['paid', 'pending', 'failed', 'refunded'] },
          amount: { type: 'number' },
          dueDate: { type: 'string', format: 'date' },
          paidAt: { type: 'string', format: 'date-time', nullable: true },
        },
      },
      Billing: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          billingAddress: { type: 'string' },
          paymentMethod: { type: 'string' },
          openBalance: { type: 'number' },
        },
      },
      Return: {
        type: 'object',
        properties: {
          returnId: { type: 'string' },
          orderNumber: { type: 'string' },
          status: { type: 'string' },
          labelUrl: {
            type: 'string',
            format: 'uri',
            description: 'The prepaid return label; give it to the customer.',
          },
        },
      },
      Store: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          city: { type: 'string' },
          address: { type: 'string' },
          phone: { type: 'string' },
          hours: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
  },
};

/** The document as YAML text. */
export const demoOpenApiYaml = stringify(demoOpenApiDocument, { lineWidth: 0 });
