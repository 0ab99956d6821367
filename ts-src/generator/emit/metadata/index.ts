/**
 * All metadata the declarations imply, in SFDX source format under force-app/main/default: one
 * small module per metadata type, each typed with `@salesforce/types`, all written by xml.ts.
 */
import type { Model } from '../../model/types';
import type { GeneratedFile } from '../types';
import { changeEventChannelMemberFiles } from './changeEventChannelMember';
import { customObjectFiles } from './customObject';
import { externalCredentialFile } from './externalCredential';
import { extensionLayoutFiles } from './layout';
import { namedCredentialFile } from './namedCredential';
import { objectExtensionFiles } from './objectExtension';
import { permissionSetFiles } from './permissionSets';
import { platformEventFiles } from './platformEvent';

export function emitMetadata(model: Model): GeneratedFile[] {
  return [
    ...model.events.flatMap(platformEventFiles),
    ...model.objects.flatMap(customObjectFiles),
    ...model.extensions.flatMap(objectExtensionFiles),
    ...extensionLayoutFiles(model),
    ...model.systems.flatMap((system) => [externalCredentialFile(system), namedCredentialFile(system)]),
    ...permissionSetFiles(model),
    ...changeEventChannelMemberFiles(model),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
