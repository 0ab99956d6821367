import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namedCredentialFile, namedCredentialMetadata } from './namedCredential';
import { testModel } from './testModel';

const system = (name: string) => testModel().systems.find((s) => s.name === name)!;

test('a SecuredEndpoint with the URL parameter and the Authentication link to its External Credential', () => {
  const metadata = namedCredentialMetadata(system('ERP_API'));
  assert.equal(metadata.namedCredentialType, 'SecuredEndpoint');
  assert.equal(metadata.calloutStatus, 'Enabled');
  assert.deepEqual(JSON.parse(JSON.stringify(metadata.namedCredentialParameters)), [
    { parameterName: 'Url', parameterType: 'Url', parameterValue: 'https://erp.example.com/api/v2' },
    { externalCredential: 'ERP_API_Auth', parameterName: 'ExternalCredential', parameterType: 'Authentication' },
  ]);
});

test('OAuth systems get a generated Authorization header and no merge fields', () => {
  for (const name of ['ERP_API', 'Ledger_API']) {
    const metadata = namedCredentialMetadata(system(name));
    assert.deepEqual(
      [metadata.generateAuthorizationHeader, metadata.allowMergeFieldsInHeader, metadata.allowMergeFieldsInBody],
      [true, false, false],
    );
  }
});

test('an API-key system allows the header formula and generates no Authorization header', () => {
  const metadata = namedCredentialMetadata(system('Credit_API'));
  assert.deepEqual(
    [metadata.generateAuthorizationHeader, metadata.allowMergeFieldsInHeader, metadata.allowMergeFieldsInBody],
    [false, true, false],
  );
});

test('file: namedCredentials/<system name>.namedCredential-meta.xml', () => {
  assert.equal(
    namedCredentialFile(system('Credit_API')).path,
    'force-app/main/default/namedCredentials/Credit_API.namedCredential-meta.xml',
  );
});
