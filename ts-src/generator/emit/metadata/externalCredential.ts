/**
 * The External Credential of an external system: how Salesforce authenticates, with one named
 * principal that permission sets grant. Secrets (client secret, API key) belong to the principal
 * and are set in the org after deploy (scripts/org/set-credential-secrets.sh); they are never
 * metadata.
 *
 * Shapes, checked against the Metadata API WSDL v66 and these docs:
 * - parameters and their types: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm
 * - OAuth variants (ClientCredentialsClientSecret, JwtBearer) and their parameters (AuthProviderUrl,
 *   SigningCertificate, JwtBodyClaim, Scope): https://developer.salesforce.com/docs/atlas.en-us.chatterapi.meta/chatterapi/connect_requests_external_credential_input.htm
 * - API keys as a custom header on the External Credential, `{!$Credential.<ExternalCredential>.<parameter>}`:
 *   https://help.salesforce.com/s/articleView?id=xcloud.nc_custom_headers_and_api_keys.htm&type=5
 */
import type * as md from '@salesforce/types/metadata';
import type { ExternalSystemModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { metadataPaths } from './paths';
import { metadataFile, type Sparse } from './xml';

type Parameter = Sparse<md.ExternalCredentialParameter>;

/** Authentication parameter of the principal that holds an API key; the header formula reads it. */
export const API_KEY_PARAMETER = 'ApiKey';

export function externalCredentialMetadata(system: ExternalSystemModel): Sparse<md.ExternalCredential> {
  const { protocol, parameters } = authentication(system);
  return {
    authenticationProtocol: protocol,
    description: `How Salesforce authenticates to ${system.label}. Secrets live on principal ${system.principal}, set in the org after deploy, never in source.`,
    externalCredentialParameters: [
      ...parameters,
      // One named principal: every callout runs as the integration's service identity, not per user.
      { parameterName: system.principal, parameterType: 'NamedPrincipal', sequenceNumber: 1 },
    ],
    label: `${system.label} Authentication`,
  };
}

export function externalCredentialFile(system: ExternalSystemModel): GeneratedFile {
  return metadataFile(
    metadataPaths.externalCredential(system.externalCredential),
    'ExternalCredential',
    externalCredentialMetadata(system),
    [system.location.file],
  );
}

function authentication(system: ExternalSystemModel): { protocol: md.AuthenticationProtocol; parameters: Parameter[] } {
  const auth = system.auth;
  switch (auth.type) {
    case 'oauthClientCredentials':
      return {
        protocol: 'Oauth',
        parameters: [
          variant('Oauth', 'ClientCredentialsClientSecret'),
          tokenEndpoint(auth.tokenUrl),
          ...(auth.scope !== undefined
            ? [{ parameterName: 'Scope', parameterType: 'AuthParameter', parameterValue: auth.scope } as const]
            : []),
        ],
      };
    case 'jwtBearer':
      // OAuth 2.0 JWT bearer (RFC 7523): Salesforce signs the assertion with an org certificate and
      // exchanges it at the token URL, so no secret is stored at all.
      return {
        protocol: 'Oauth',
        parameters: [
          variant('Oauth', 'JwtBearer'),
          tokenEndpoint(auth.tokenUrl),
          {
            certificate: auth.signingCertificate,
            parameterName: 'SigningCertificate',
            parameterType: 'SigningCertificate',
          },
          claim('iss', auth.issuer),
          claim('sub', auth.subject),
          claim('aud', auth.audience),
        ],
      };
    case 'apiKeyHeader':
      return {
        protocol: 'Custom',
        parameters: [
          {
            parameterName: auth.headerName,
            parameterType: 'AuthHeader',
            parameterValue: `{!$Credential.${system.externalCredential}.${API_KEY_PARAMETER}}`,
            sequenceNumber: 1,
          },
        ],
      };
    case 'none':
      return { protocol: 'Custom', parameters: [variant('Custom', 'NoAuthentication')] };
  }
}

/** The flow of a protocol; the parameter is named after the protocol, as Salesforce retrieves it. */
function variant(protocol: md.AuthenticationProtocol, value: string): Parameter {
  return { parameterName: protocol, parameterType: 'AuthProtocolVariant', parameterValue: value };
}

function tokenEndpoint(url: string): Parameter {
  return { parameterName: 'AuthProviderUrl', parameterType: 'AuthProviderUrl', parameterValue: url };
}

function claim(name: string, value: string): Parameter {
  return { parameterName: name, parameterType: 'JwtBodyClaim', parameterValue: value };
}
