import { field, operation } from '../dsl';
import { FULFILMENT_STATUSES } from './orders';

export const receiveOrderStatus = operation({
  name: 'ReceiveOrderStatus',
  description: 'The ERP or WMS pushes a fulfilment status change into Salesforce.',
  // About five status changes per order (received, picking, packed, shipped, delivered):
  // 15,000 calls a day, 2,500 in the hour the evening trucks are loaded. Each is one API request.
  volume: { messagesPerDay: 15000, peakPerHour: 2500, payloadBytes: 300 },
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
  // Deliveries to open Order pages: every empApi client receives every event of the channel (the
  // component filters by record id), so this is the channel's events x the pages subscribed. The
  // tracker subscribes only while a page is open: about a quarter of a page open on average over
  // the day, so 15,000 events make about 4,000 deliveries. More open pages need an event add-on.
  volume: { messagesPerDay: 4000 },
  pattern: 'ui-update',
  event: 'Order_Status_Update__e',
  object: 'Order',
  recordIdField: 'Order_Id__c',
  component: 'orderStatusTracker',
});

export const orderStatusFeed = operation({
  name: 'OrderStatusFeed',
  description: 'Status changes on the event bus for subscribers outside Salesforce.',
  // Every status change, delivered once to the notification service: 15,000 deliveries a day.
  volume: { messagesPerDay: 15000, peakPerHour: 2500 },
  pattern: 'publish-subscribe',
  event: 'Order_Status_Update__e',
  subscribers: ['Customer notification service (Pub/Sub API)'],
});
