/**
 * Asset readings arriving as inbound events: an IoT gateway publishes one Asset_Reading__e per
 * reading (Pub/Sub API, or REST API `POST /services/data/vXX.X/sobjects/Asset_Reading__e`), and the
 * generated trigger writes the latest reading onto the Asset whose Device_Id__c the event names.
 */
import { field, objectExtension, operation, platformEvent } from '../dsl';

export const assetFields = objectExtension({
  object: 'Asset',
  fields: {
    Device_Id__c: field.text({
      length: 64,
      externalId: true,
      unique: true,
      label: 'Device ID',
      description: 'Id of the device in the IoT gateway: the key its readings carry.',
    }),
    Last_Reading__c: field.number({ precision: 12, scale: 3, label: 'Last Reading' }),
    Reading_Unit__c: field.text({ length: 16, label: 'Reading Unit' }),
    Last_Reading_At__c: field.dateTime({ label: 'Last Reading At' }),
  },
});

/** Published by the gateway, never by Salesforce: the publish behaviour does not matter for API publishers. */
export const assetReading = platformEvent({
  apiName: 'Asset_Reading__e',
  label: 'Asset Reading',
  description: 'A device reading published by the IoT gateway.',
  eventType: 'HighVolume',
  publishBehavior: 'PublishImmediately',
  fields: {
    Device_Id__c: field.text({ length: 64, required: true }),
    Reading__c: field.number({ precision: 12, scale: 3 }),
    Unit__c: field.text({ length: 16 }),
    Read_At__c: field.dateTime({ required: true }),
  },
});

export const applyAssetReadings = operation({
  name: 'ApplyAssetReadings',
  description: 'The latest reading of each device is kept on its Asset.',
  // 2,000 devices reading every hour, all at once on the hour.
  volume: { messagesPerDay: 48000, peakPerHour: 2000, payloadBytes: 200 },
  pattern: 'inbound-event',
  source: 'IoT gateway',
  event: 'Asset_Reading__e',
  object: 'Asset',
  idempotencyKey: 'Device_Id__c',
  mapping: {
    Device_Id__c: 'Device_Id__c',
    Reading__c: 'Last_Reading__c',
    Unit__c: 'Reading_Unit__c',
    Read_At__c: 'Last_Reading_At__c',
  },
  // The gateway retries and may deliver an hour's reading after the next one: the newer one stays.
  orderedBy: 'Read_At__c',
  // Assets are registered by service people; a reading of an unknown device waits in the error log.
  onMissingRecord: 'log',
});
