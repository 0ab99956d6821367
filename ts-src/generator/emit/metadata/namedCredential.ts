/**
 * The Named Credential Apex calls (`callout:<name>/path`): a SecuredEndpoint holding the base URL
 * and linked to its External Credential through an `Authentication` parameter.
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
 */
import type * as md from '@salesforce/types/metadata';
import type { ExternalSystemModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { metadataPaths } from './paths';
import { metadataFile, type Sparse } from './xml';

export function namedCredentialMetadata(system: ExternalSystemModel): Sparse<md.NamedCredential> {
  const oauth = system.auth.type === 'oauthClientCredentials' || system.auth.type === 'jwtBearer';
  return {
    // Bodies are JSON built by Apex; a `{!...}` in a payload must stay text, never be evaluated.
    allowMergeFieldsInBody: false,
    // The API-key header is a `{!$Credential...}` formula; nothing else needs formulas in headers.
    allowMergeFieldsInHeader: system.auth.type === 'apiKeyHeader',
    calloutStatus: 'Enabled',
    // OAuth: Salesforce adds `Authorization: Bearer <token>`. Other protocols bring their own header.
    generateAuthorizationHeader: oauth,
    label: system.label,
    namedCredentialParameters: [
      { parameterName: 'Url', parameterType: 'Url', parameterValue: system.baseUrl },
      {
        externalCredential: system.externalCredential,
        parameterName: 'ExternalCredential',
        parameterType: 'Authentication',
      },
    ],
    namedCredentialType: 'SecuredEndpoint',
  };
}

export function namedCredentialFile(system: ExternalSystemModel): GeneratedFile {
  return metadataFile(metadataPaths.namedCredential(system.name), 'NamedCredential', namedCredentialMetadata(system), [
    system.location.file,
  ]);
}
