/** A custom object (`__c`) with its fields, list views, tab and page layout. */
import type * as md from '@salesforce/types/metadata';
import { generatedRoot } from '../../model/naming';
import type { CustomObjectModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { customFieldMetadata, fieldFiles } from './customField';
import { layoutFile } from './layout';
import { listViewFiles } from './listView';
import { metadataPaths } from './paths';
import { tabFile } from './tab';
import { metadataFile, type Sparse } from './xml';

export function customObjectMetadata(object: CustomObjectModel): Sparse<md.CustomObject> {
  const userFacing = object.tab !== undefined;
  return {
    allowInChatterGroups: false,
    deploymentStatus: 'Deployed',
    description: object.description,
    // Integration records are machine-written: no tasks, no feed, no field history to pay storage for.
    enableActivities: false,
    // Bulk API, sharing and Streaming API on: an Enterprise Application object, as Setup creates
    // one. Sharing lets an admin tighten the org-wide default later; Bulk API lets ops export logs.
    enableBulkApi: true,
    enableFeeds: false,
    enableHistory: false,
    // Failure counts by integration and status are what an operations dashboard reports on.
    enableReports: true,
    // Only objects people browse (those with a tab) are worth a search index.
    enableSearch: userFacing,
    enableSharing: true,
    enableStreamingApi: true,
    label: object.label,
    nameField: nameField(object.nameField),
    pluralLabel: object.pluralLabel,
    sharingModel: object.sharingModel,
    visibility: 'Public',
  };
}

export function customObjectFiles(object: CustomObjectModel): GeneratedFile[] {
  const sources = [object.location.file];
  const root = generatedRoot(object.layer);
  return [
    metadataFile(metadataPaths.object(root, object.apiName), 'CustomObject', customObjectMetadata(object), sources),
    ...fieldFiles(root, object.apiName, object.fields, customFieldMetadata, sources),
    ...listViewFiles(object, sources),
    ...(object.tab ? [tabFile(root, object.apiName, object.tab, sources)] : []),
    layoutFile(object, sources),
  ];
}

function nameField(name: CustomObjectModel['nameField']): Sparse<md.CustomField> {
  return name.type === 'AutoNumber'
    ? { displayFormat: name.displayFormat, label: name.label, type: 'AutoNumber' }
    : { label: name.label, type: 'Text' };
}
