/** Where each metadata type lives in SFDX source format (one folder per type under GENERATED_ROOT). */
import { GENERATED_ROOT } from '../../model/naming';

export const metadataPaths = {
  object: (object: string) => `${GENERATED_ROOT}/objects/${object}/${object}.object-meta.xml`,
  field: (object: string, field: string) => `${GENERATED_ROOT}/objects/${object}/fields/${field}.field-meta.xml`,
  listView: (object: string, view: string) => `${GENERATED_ROOT}/objects/${object}/listViews/${view}.listView-meta.xml`,
  tab: (tab: string) => `${GENERATED_ROOT}/tabs/${tab}.tab-meta.xml`,
  layout: (layout: string) => `${GENERATED_ROOT}/layouts/${layout}.layout-meta.xml`,
  externalCredential: (name: string) => `${GENERATED_ROOT}/externalCredentials/${name}.externalCredential-meta.xml`,
  namedCredential: (name: string) => `${GENERATED_ROOT}/namedCredentials/${name}.namedCredential-meta.xml`,
  permissionSet: (name: string) => `${GENERATED_ROOT}/permissionsets/${name}.permissionset-meta.xml`,
} as const;
