import { externalSystem, field, objectExtension, operation } from '../dsl';

/** The product information system that owns list prices. */
export const pim = externalSystem({
  name: 'PIM_API',
  label: 'Product Information (PIM)',
  baseUrl: 'https://pim.example.com',
  auth: {
    type: 'oauthClientCredentials',
    tokenUrl: 'https://pim.example.com/oauth/token',
  },
  timeoutSeconds: 30,
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
});

/** The PIM's product id and list price on Salesforce products. */
export const productPrices = objectExtension({
  object: 'Product2',
  fields: {
    PIM_Product_Id__c: field.text({
      length: 40,
      externalId: true,
      unique: true,
      description: 'The product id in the PIM: imported prices are matched on it.',
    }),
    List_Price__c: field.number({
      precision: 16,
      scale: 2,
      description: 'List price from the PIM.',
    }),
    Price_Currency__c: field.text({ length: 3 }),
    Price_Changed_At__c: field.dateTime({
      description: 'When the PIM last changed the price.',
    }),
  },
});

/**
 * Every night at 02:30 the prices changed since the last run are read from the PIM, 500 a page,
 * and upserted into Product2 by the PIM's product id: a product the PIM changed twice is imported
 * once, with its latest price, a product new to Salesforce is created, and a run that fails
 * half-way resumes from the last page it applied.
 */
export const importPrices = operation({
  name: 'ImportPrices',
  description: 'Nightly import of the list prices changed in the PIM.',
  pattern: 'pull-sync',
  system: 'PIM_API',
  path: '/v2/prices',
  object: 'Product2',
  idempotencyKey: 'PIM_Product_Id__c',
  record: {
    productId: field.text({ length: 40 }),
    name: field.text({ length: 80 }),
    sku: field.text({ length: 40 }),
    listPrice: field.number({ precision: 16, scale: 2 }),
    isoCode: field.text({ length: 3 }),
    updatedAt: field.dateTime(),
  },
  mapping: {
    productId: 'PIM_Product_Id__c',
    name: 'Name',
    sku: 'StockKeepingUnit',
    listPrice: 'List_Price__c',
    isoCode: 'Price_Currency__c',
    updatedAt: 'Price_Changed_At__c',
  },
  records: 'items',
  paging: { since: { param: 'updatedSince', field: 'updatedAt' } },
  pageSize: 500,
  pageSizeParam: 'limit',
  schedule: '0 30 2 * * ?',
  retry: {
    maxAttempts: 3,
    baseDelaySeconds: 60,
    maxDelaySeconds: 300,
    jitter: 'full',
  },
  volume: { messagesPerDay: 20000, payloadBytes: 300 },
});
