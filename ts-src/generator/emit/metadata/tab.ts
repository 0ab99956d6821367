/** The tab of a custom object; its name is the object's API name. */
import type * as md from '@salesforce/types/metadata';
import type { CustomObjectModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { metadataPaths } from './paths';
import { metadataFile, type Sparse } from './xml';

export function tabMetadata(tab: NonNullable<CustomObjectModel['tab']>): Sparse<md.CustomTab> {
  return { customObject: true, motif: tab.motif };
}

export function tabFile(
  root: string,
  object: string,
  tab: NonNullable<CustomObjectModel['tab']>,
  sources: readonly string[],
): GeneratedFile {
  return metadataFile(metadataPaths.tab(root, object), 'CustomTab', tabMetadata(tab), sources);
}
