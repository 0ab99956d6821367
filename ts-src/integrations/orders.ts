import { field, objectExtension, operation, platformEvent } from '../dsl';

/** The order lifecycle as the warehouse reports it. Shared by the Order field and the call-in. */
export const FULFILMENT_STATUSES = [
  'Received',
  'Picking',
  'Packed',
  'Shipped',
  'Delivered',
  'On_Hold',
  'Cancelled',
] as const;

export const orderFields = objectExtension({
  object: 'Order',
  fields: {
    External_Order_Id__c: field.text({
      length: 64,
      externalId: true,
      unique: true,
      label: 'External Order ID',
      description: 'Order number in the ERP; the key ERP and WMS use when they call in.',
    }),
    Fulfilment_Status__c: field.picklist({
      values: FULFILMENT_STATUSES,
      label: 'Fulfilment Status',
      description: 'Last status pushed by the ERP or WMS.',
    }),
    Fulfilment_Status_Changed_At__c: field.dateTime({ label: 'Fulfilment Status Changed At' }),
  },
});

/** Published when an order is confirmed; its trigger hands the order to the ERP. */
export const orderConfirmed = platformEvent({
  apiName: 'Order_Confirmed__e',
  label: 'Order Confirmed',
  pluralLabel: 'Orders Confirmed',
  description: 'An order was confirmed in Salesforce and must reach the ERP.',
  eventType: 'HighVolume',
  publishBehavior: 'PublishAfterCommit',
  fields: {
    Order_Id__c: field.text({ length: 18, required: true }),
    Order_Number__c: field.text({ length: 30 }),
    Account_Id__c: field.text({ length: 18 }),
    Total_Amount__c: field.number({ precision: 16, scale: 2 }),
    Currency__c: field.text({ length: 3 }),
    // Platform Event fields cannot be of type Email: a Text field holds the address.
    Customer_Email__c: field.text({ length: 80, sensitive: true, description: 'Redacted in the error log.' }),
    Confirmed_At__c: field.dateTime(),
    Correlation_Id__c: field.text({ length: 64 }),
  },
});

/**
 * Activating an order publishes Order_Confirmed__e (after the save commits), which SendOrderToErp
 * delivers: no hand-written trigger. The same activation saved twice in one transaction (a workflow
 * field update, another trigger) publishes once.
 */
export const publishOrderConfirmed = operation({
  name: 'PublishOrderConfirmed',
  description: 'Publishes Order_Confirmed__e when an order is activated.',
  volume: { messagesPerDay: 3000, peakPerHour: 600, payloadBytes: 2048 },
  pattern: 'record-event',
  object: 'Order',
  event: 'Order_Confirmed__e',
  on: ['update'],
  whenChanged: ['Status'],
  when: { field: 'Status', equals: 'Activated' },
  mapping: {
    Order_Id__c: 'Id',
    Order_Number__c: 'OrderNumber',
    Account_Id__c: 'AccountId',
    Total_Amount__c: 'TotalAmount',
    Confirmed_At__c: 'ActivatedDate',
  },
});

/** Published for every status change the ERP or WMS pushes; the Order page listens to it. */
export const orderStatusUpdate = platformEvent({
  apiName: 'Order_Status_Update__e',
  label: 'Order Status Update',
  pluralLabel: 'Order Status Updates',
  description: 'The fulfilment status of an order changed.',
  eventType: 'HighVolume',
  publishBehavior: 'PublishAfterCommit',
  fields: {
    Order_Id__c: field.text({ length: 18, required: true }),
    External_Order_Id__c: field.text({ length: 64 }),
    Status__c: field.text({ length: 40, required: true }),
    Previous_Status__c: field.text({ length: 40 }),
    Message__c: field.text({ length: 255 }),
    Source_System__c: field.text({ length: 40 }),
    Changed_At__c: field.dateTime(),
  },
});
