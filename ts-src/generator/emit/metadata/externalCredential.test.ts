import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExternalSystemModel } from '../../model/types';
import { API_KEY_PARAMETER, externalCredentialFile, externalCredentialMetadata } from './externalCredential';
import { testModel } from './testModel';

const system = (name: string): ExternalSystemModel => testModel().systems.find((s) => s.name === name)!;
const parameters = (name: string) =>
  (externalCredentialMetadata(system(name)).externalCredentialParameters ?? []).map((p) =>
    JSON.parse(JSON.stringify(p)),
  );

test('every protocol has exactly one named principal, sequence 1, named after the system', () => {
  for (const name of ['ERP_API', 'Credit_API', 'Ledger_API', 'Open_API']) {
    const principals = parameters(name).filter((p) => p.parameterType === 'NamedPrincipal');
    assert.deepEqual(principals, [
      { parameterName: `${name}_Principal`, parameterType: 'NamedPrincipal', sequenceNumber: 1 },
    ]);
  }
});

test('OAuth client credentials: Oauth protocol, ClientCredentialsClientSecret variant, token URL and scope', () => {
  assert.equal(externalCredentialMetadata(system('ERP_API')).authenticationProtocol, 'Oauth');
  assert.deepEqual(parameters('ERP_API').slice(0, 3), [
    { parameterName: 'Oauth', parameterType: 'AuthProtocolVariant', parameterValue: 'ClientCredentialsClientSecret' },
    {
      parameterName: 'AuthProviderUrl',
      parameterType: 'AuthProviderUrl',
      parameterValue: 'https://erp.example.com/oauth/token',
    },
    { parameterName: 'Scope', parameterType: 'AuthParameter', parameterValue: 'orders.write' },
  ]);
});

test('JWT bearer: Oauth protocol, JwtBearer variant, signing certificate and iss/sub/aud claims', () => {
  assert.equal(externalCredentialMetadata(system('Ledger_API')).authenticationProtocol, 'Oauth');
  const byType = (type: string) => parameters('Ledger_API').filter((p) => p.parameterType === type);
  assert.deepEqual(byType('AuthProtocolVariant')[0].parameterValue, 'JwtBearer');
  assert.deepEqual(byType('SigningCertificate'), [
    { certificate: 'Ledger_Signing', parameterName: 'SigningCertificate', parameterType: 'SigningCertificate' },
  ]);
  assert.deepEqual(
    byType('JwtBodyClaim').map((p) => `${p.parameterName}=${p.parameterValue}`),
    ['iss=salesforce-client', 'sub=integration@example.com', 'aud=https://login.ledger.example.com'],
  );
});

test('API key: Custom protocol with the header on the External Credential, reading the principal parameter', () => {
  assert.equal(externalCredentialMetadata(system('Credit_API')).authenticationProtocol, 'Custom');
  assert.deepEqual(parameters('Credit_API')[0], {
    parameterName: 'X-Api-Key',
    parameterType: 'AuthHeader',
    parameterValue: `{!$Credential.Credit_API_Auth.${API_KEY_PARAMETER}}`,
    sequenceNumber: 1,
  });
});

test('no authentication: Custom protocol with the NoAuthentication variant', () => {
  assert.equal(externalCredentialMetadata(system('Open_API')).authenticationProtocol, 'Custom');
  assert.deepEqual(parameters('Open_API')[0], {
    parameterName: 'Custom',
    parameterType: 'AuthProtocolVariant',
    parameterValue: 'NoAuthentication',
  });
});

test('file: externalCredentials/<name>.externalCredential-meta.xml with a label, and no secret anywhere', () => {
  const file = externalCredentialFile(system('ERP_API'));
  assert.equal(file.path, 'force-app/main/default/externalCredentials/ERP_API_Auth.externalCredential-meta.xml');
  assert.match(file.content, /<label>ERP API Authentication<\/label>/);
  assert.doesNotMatch(file.content, /<parameterName>[^<]*(secret|password|token)[^<]*<\/parameterName>/i);
});
