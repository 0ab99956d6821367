import { customObject, externalSystem, field, operation } from "../dsl";

/** The product information system that owns list prices. */
export const pim = externalSystem({
  name: "PIM_API",
  label: "Product Information (PIM)",
  baseUrl: "https://pim.example.com",
  auth: {
    type: "oauthClientCredentials",
    tokenUrl: "https://pim.example.com/oauth/token"
  },
  timeoutSeconds: 30,
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 }
});

/** One list price per SKU and currency, as the PIM publishes it. */
export const productPrice = customObject({
  apiName: "Product_Price__c",
  label: "Product Price",
  pluralLabel: "Product Prices",
  description: "List prices imported nightly from the PIM.",
  nameField: { type: "Text", label: "Product Price" },
  sharingModel: "ReadWrite",
  fields: {
    Price_Key__c: field.text({
      length: 60,
      externalId: true,
      unique: true,
      description: "SKU and currency, the PIM price id."
    }),
    Sku__c: field.text({ length: 40 }),
    List_Price__c: field.number({ precision: 16, scale: 2 }),
    Currency_Code__c: field.text({ length: 3 }),
    Price_Changed_At__c: field.dateTime({
      description: "When the PIM last changed the price."
    })
  }
});

/**
 * Every night at 02:30 the prices changed since the last run are read from the PIM, 500 a page,
 * and upserted by their price id: a price the PIM changed twice is imported once, with its latest
 * value, and a run that fails half-way resumes from the last page it applied.
 */
export const importPrices = operation({
  name: "ImportPrices",
  description: "Nightly import of the list prices changed in the PIM.",
  pattern: "pull-sync",
  system: "PIM_API",
  path: "/v2/prices",
  object: "Product_Price__c",
  idempotencyKey: "Price_Key__c",
  record: {
    priceId: field.text({ length: 60 }),
    sku: field.text({ length: 40 }),
    amount: field.number({ precision: 16, scale: 2 }),
    isoCode: field.text({ length: 3 }),
    updatedAt: field.dateTime()
  },
  mapping: {
    priceId: "Price_Key__c",
    sku: "Sku__c",
    amount: "List_Price__c",
    isoCode: "Currency_Code__c",
    updatedAt: "Price_Changed_At__c"
  },
  records: "items",
  paging: { since: { param: "updatedSince", field: "updatedAt" } },
  pageSize: 500,
  pageSizeParam: "limit",
  schedule: "0 30 2 * * ?",
  retry: {
    maxAttempts: 3,
    baseDelaySeconds: 60,
    maxDelaySeconds: 300,
    jitter: "full"
  },
  volume: { messagesPerDay: 20000, payloadBytes: 300 }
});
