/**
 * Where each metadata type lives in SFDX source format (one folder per type). Objects, events and
 * what belongs to them go under the root of their layer (naming.generatedRoot); the rest is app.
 */
import { GENERATED_ROOT } from '../../model/naming';

export const metadataPaths = {
  object: (root: string, object: string) => `${root}/objects/${object}/${object}.object-meta.xml`,
  field: (root: string, object: string, field: string) => `${root}/objects/${object}/fields/${field}.field-meta.xml`,
  listView: (root: string, object: string, view: string) =>
    `${root}/objects/${object}/listViews/${view}.listView-meta.xml`,
  tab: (root: string, tab: string) => `${root}/tabs/${tab}.tab-meta.xml`,
  layout: (root: string, layout: string) => `${root}/layouts/${layout}.layout-meta.xml`,
  externalCredential: (name: string) => `${GENERATED_ROOT}/externalCredentials/${name}.externalCredential-meta.xml`,
  namedCredential: (name: string) => `${GENERATED_ROOT}/namedCredentials/${name}.namedCredential-meta.xml`,
  permissionSet: (name: string) => `${GENERATED_ROOT}/permissionsets/${name}.permissionset-meta.xml`,
} as const;
