/**
 * Checks every emitted document against the Metadata API WSDL: each element is declared for its
 * parent type and appears in schema order. The WSDL lives in ../shared/schemas beside the project
 * in CI; a clone without it skips this test (tsc and the other tests still run).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { emitMetadata } from './index';
import { testModel } from './testModel';

const WSDL = path.resolve(__dirname, '../../../../../shared/schemas/metadata.wsdl');

interface SchemaElement {
  name: string;
  type: string;
}
type Schema = Map<string, SchemaElement[]>;
type Node = Record<string, unknown>;

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** complexType name -> its elements in order, those of its base type first. */
function readSchema(wsdl: string): Schema {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(wsdl);
  const types = (parsed['definitions'] as Node)['types'] as Node;
  const schemas = list<Node>(types['xsd:schema'] as Node);
  const own = new Map<string, { base?: string; elements: SchemaElement[] }>();
  for (const schema of schemas) {
    for (const type of list<Node>(schema['xsd:complexType'] as Node)) {
      const extension = (type['xsd:complexContent'] as Node | undefined)?.['xsd:extension'] as Node | undefined;
      const sequence = ((extension ?? type)['xsd:sequence'] as Node | undefined) ?? {};
      const elements = list<Node>(sequence['xsd:element'] as Node).map((e) => ({
        name: String(e.name),
        type: String(e.type),
      }));
      own.set(String(type.name), {
        base: extension ? String(extension.base).replace(/^tns:/, '') : undefined,
        elements,
      });
    }
  }
  const all = (name: string): SchemaElement[] => {
    const entry = own.get(name);
    return entry ? [...(entry.base ? all(entry.base) : []), ...entry.elements] : [];
  };
  return new Map([...own.keys()].map((name) => [name, all(name)]));
}

/** Problems in one element's children, recursively. */
function check(schema: Schema, typeName: string, children: Node[], where: string): string[] {
  const elements = schema.get(typeName);
  if (!elements) return [`${where}: unknown type ${typeName}`];
  const problems: string[] = [];
  let last = -1;
  for (const child of children) {
    const name = Object.keys(child).find((key) => key !== ':@' && key !== '#comment');
    if (!name) continue;
    const index = elements.findIndex((element) => element.name === name);
    if (index < 0) {
      problems.push(`${where}: <${name}> is not an element of ${typeName}`);
      continue;
    }
    if (index < last)
      problems.push(`${where}: <${name}> comes after <${elements[last].name}>, against the ${typeName} schema order`);
    last = index;
    // Complex types hold elements to check; simple ones (enumerations, xsd:string) hold text.
    const type = elements[index].type.replace(/^tns:/, '');
    if (schema.has(type)) problems.push(...check(schema, type, child[name] as Node[], `${where}/${name}`));
  }
  return problems;
}

test('every emitted element is in the WSDL and in schema order', (t) => {
  if (!fs.existsSync(WSDL)) {
    t.skip(`no WSDL at ${WSDL}`);
    return;
  }
  const schema = readSchema(fs.readFileSync(WSDL, 'utf8'));
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, commentPropName: '#comment' });
  const problems = emitMetadata(testModel()).flatMap((file) => {
    const document = (parser.parse(file.content) as Node[]).find(
      (node) => !Object.keys(node).some((key) => key.startsWith('?')),
    )!;
    const root = Object.keys(document).find((key) => key !== ':@')!;
    return check(schema, root, document[root] as Node[], path.basename(file.path));
  });
  assert.deepEqual(problems, []);
});

test('the order check notices an element out of order', (t) => {
  if (!fs.existsSync(WSDL)) {
    t.skip(`no WSDL at ${WSDL}`);
    return;
  }
  const schema = readSchema(fs.readFileSync(WSDL, 'utf8'));
  const problems = check(schema, 'CustomTab', [{ motif: [] }, { customObject: [] }], 'tab');
  assert.equal(problems.length, 1);
});
