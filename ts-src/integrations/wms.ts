import { field, operation } from '../dsl';
import { FULFILMENT_STATUSES } from './orders';

export const receiveOrderStatus = operation({
  name: 'ReceiveOrderStatus',
  description: 'The ERP or WMS pushes a fulfilment status change into Salesforce.',
  pattern: 'remote-call-in',
  source: 'WMS',
  object: 'Order',
  urlMapping: '/switchyard/v1/order-status',
  idempotencyKey: 'External_Order_Id__c',
  request: {
    externalOrderId: field.text({ length: 64, required: true }),
    status: field.picklist({ values: FULFILMENT_STATUSES, required: true }),
    changedAt: field.dateTime({ required: true }),
    message: field.text({ length: 255 }),
  },
  mapping: {
    externalOrderId: 'External_Order_Id__c',
    status: 'Fulfilment_Status__c',
    changedAt: 'Fulfilment_Status_Changed_At__c',
  },
  publishes: 'Order_Status_Update__e',
  // The WMS retries and may send two changes of one order in either order: the newer one wins.
  orderedBy: 'changedAt',
});

export const orderStatusLive = operation({
  name: 'OrderStatusLive',
  description: 'The Order record page shows status changes as they happen.',
  pattern: 'ui-update',
  event: 'Order_Status_Update__e',
  object: 'Order',
  recordIdField: 'Order_Id__c',
  component: 'orderStatusTracker',
});

export const orderStatusFeed = operation({
  name: 'OrderStatusFeed',
  description: 'Status changes on the event bus for subscribers outside Salesforce.',
  pattern: 'publish-subscribe',
  event: 'Order_Status_Update__e',
  subscribers: ['Customer notification service (Pub/Sub API)'],
});
