/** List views of a custom object (SFDX source keeps each in its own file under the object). */
import type * as md from '@salesforce/types/metadata';
import type { CustomObjectModel, ListViewModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { generatedRoot } from '../../model/naming';
import { metadataPaths } from './paths';
import { metadataFile, type Sparse } from './xml';

/** List-view column tokens of standard fields differ from their API names; custom fields use the API name. */
const STANDARD_COLUMNS: Readonly<Record<string, string>> = {
  Name: 'NAME',
  CreatedDate: 'CREATED_DATE',
  LastModifiedDate: 'LAST_UPDATE',
  OwnerId: 'OWNER.ALIAS',
};

export function listViewMetadata(view: ListViewModel): Sparse<md.ListView> {
  return {
    fullName: view.name,
    columns: view.columns.map((column) => STANDARD_COLUMNS[column] ?? column),
    // Integration records are not "mine": everyone who can see the object sees all of its rows.
    filterScope: 'Everything',
    filters: view.filter ? [{ field: view.filter.field, operation: 'equals', value: view.filter.equals }] : undefined,
    label: view.label,
  };
}

export function listViewFiles(object: CustomObjectModel, sources: readonly string[]): GeneratedFile[] {
  return object.listViews.map((view) =>
    metadataFile(
      metadataPaths.listView(generatedRoot(object.layer), object.apiName, view.name),
      'ListView',
      listViewMetadata(view),
      sources,
    ),
  );
}
