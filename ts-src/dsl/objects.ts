import type { FieldMap } from './fields';

/** Platform Event (`__e`). Salesforce creates only HighVolume events in current API versions. */
export interface PlatformEventDeclaration {
  apiName: `${string}__e`;
  label: string;
  pluralLabel?: string;
  description?: string;
  eventType: 'HighVolume';
  /**
   * `PublishAfterCommit`: the event is published only if the publishing transaction commits
   * (use for business facts such as "order confirmed"). `PublishImmediately`: published even if
   * the transaction rolls back (use for alerts and logs).
   */
  publishBehavior: 'PublishAfterCommit' | 'PublishImmediately';
  fields: FieldMap;
}

export type NameField =
  | { type: 'Text'; label: string }
  /** `displayFormat` such as `ERR-{000000}`. */
  | { type: 'AutoNumber'; label: string; displayFormat: string };

export interface ListViewDeclaration {
  /** Developer name of the list view. */
  name: string;
  label: string;
  /** Field API names shown as columns (`Name` for the name field). */
  columns: readonly string[];
  /** Optional filter: field equals one of the values. */
  filter?: { field: string; equals: string };
}

/** A custom object (`__c`) with its tab, list views and page layout. */
export interface CustomObjectDeclaration {
  apiName: `${string}__c`;
  label: string;
  pluralLabel: string;
  description?: string;
  nameField: NameField;
  /** Org-wide default. Integration records are usually `ReadWrite` or `Private`. */
  sharingModel: 'Private' | 'Read' | 'ReadWrite';
  fields: FieldMap;
  /** A custom tab, with an SLDS motif such as `Custom67: Gears`. */
  tab?: { motif: string };
  listViews?: readonly ListViewDeclaration[];
  /** Layout sections: field API names in order. Omitted: one section with every field. */
  layout?: readonly { label: string; fields: readonly string[] }[];
}

/** Custom fields added to a standard object such as `Order` (the object itself is not emitted). */
export interface ObjectExtensionDeclaration {
  object: string;
  fields: FieldMap;
}

export const platformEvent = (declaration: PlatformEventDeclaration) => declaration;
export const customObject = (declaration: CustomObjectDeclaration) => declaration;
export const objectExtension = (declaration: ObjectExtensionDeclaration) => declaration;
