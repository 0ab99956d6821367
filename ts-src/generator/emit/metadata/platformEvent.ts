/** A Platform Event (`__e`): its object file and one file per field. */
import type * as md from '@salesforce/types/metadata';
import { generatedRoot } from '../../model/naming';
import type { PlatformEventModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { fieldFiles, platformEventFieldMetadata } from './customField';
import { metadataPaths } from './paths';
import { metadataFile, type Sparse } from './xml';

export function platformEventMetadata(event: PlatformEventModel): Sparse<md.CustomObject> {
  return {
    deploymentStatus: 'Deployed',
    description: event.description,
    // High-volume events are retained 72 hours and replayable; standard-volume ones are legacy.
    // https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_event_limits.htm
    eventType: event.eventType,
    label: event.label,
    pluralLabel: event.pluralLabel,
    publishBehavior: event.publishBehavior,
  };
}

export function platformEventFiles(event: PlatformEventModel): GeneratedFile[] {
  const sources = [event.location.file];
  const root = generatedRoot(event.layer);
  return [
    metadataFile(metadataPaths.object(root, event.apiName), 'CustomObject', platformEventMetadata(event), sources),
    ...fieldFiles(root, event.apiName, event.fields, platformEventFieldMetadata, sources),
  ];
}
