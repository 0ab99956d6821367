/**
 * Custom fields on a standard object such as Order. Only the field files are written: an
 * `Order.object-meta.xml` would redeploy the standard object's own settings.
 */
import { GENERATED_ROOT } from '../../model/naming';
import type { ObjectExtensionModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { customFieldMetadata, fieldFiles } from './customField';

export function objectExtensionFiles(extension: ObjectExtensionModel): GeneratedFile[] {
  return fieldFiles(GENERATED_ROOT, extension.object, extension.fields, customFieldMetadata, [extension.location.file]);
}
