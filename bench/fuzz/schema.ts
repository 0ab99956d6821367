/**
 * The Metadata API schema (WSDL v66.0) checked in-process, for the fuzzer: element names and
 * nesting, schema order, repeats, required elements and enumeration values of every -meta.xml.
 * The same ground as scripts/validate/schema.ts (xmllint over ../shared/schemas), without a process
 * per run; it also reports order, which Salesforce does not require but the emitters keep.
 */
import fs from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

interface ElementDef {
  name: string;
  type: string;
  min: number;
  unbounded: boolean;
}
interface Schema {
  complex: Map<string, ElementDef[]>;
  enums: Map<string, Set<string>>;
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const local = (name: string) => name.slice(name.indexOf(':') + 1);

export function loadSchema(wsdlFile: string): Schema {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
  const wsdl = parser.parse(fs.readFileSync(wsdlFile, 'utf8'));
  const schema = asArray(wsdl.definitions?.types?.['xsd:schema'])[0] as Record<string, unknown>;
  const raw = new Map<string, { base?: string; elements: ElementDef[] }>();
  for (const type of asArray(schema['xsd:complexType'] as Record<string, unknown>[])) {
    const extension = (type['xsd:complexContent'] as Record<string, unknown> | undefined)?.['xsd:extension'] as
      Record<string, unknown> | undefined;
    const sequence = (extension ?? type)['xsd:sequence'] as Record<string, unknown> | undefined;
    const elements = asArray(sequence?.['xsd:element'] as Record<string, string>[]).map((e) => ({
      name: e['@name'],
      type: local(e['@type'] ?? 'xsd:anyType'),
      min: e['@minOccurs'] === undefined ? 1 : Number(e['@minOccurs']),
      unbounded: e['@maxOccurs'] === 'unbounded',
    }));
    raw.set(type['@name'] as string, { base: extension ? local(extension['@base'] as string) : undefined, elements });
  }
  const complex = new Map<string, ElementDef[]>();
  const flatten = (name: string): ElementDef[] => {
    const found = raw.get(name);
    if (!found) return [];
    return [...(found.base ? flatten(found.base) : []), ...found.elements];
  };
  for (const name of raw.keys()) complex.set(name, flatten(name));
  const enums = new Map<string, Set<string>>();
  for (const type of asArray(schema['xsd:simpleType'] as Record<string, unknown>[])) {
    const values = asArray(
      (type['xsd:restriction'] as Record<string, unknown>)?.['xsd:enumeration'] as Record<string, string>[],
    );
    if (values.length > 0) enums.set(type['@name'] as string, new Set(values.map((v) => v['@value'])));
  }
  return { complex, enums };
}

type Node = Record<string, unknown>;
const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  trimValues: true,
  parseTagValue: false,
});

/** Places where the WSDL is known to differ from files Salesforce deploys (../shared/schemas/README.md). */
const ANY_CONTENT = new Set(['LightningComponentBundle.targetConfigs']);
const NOT_REQUIRED = new Set(['CustomPermission.isLicensed']);
/** Salesforce's own js-meta.xml examples put targetConfigs after targets; the platform takes any order. */
const ANY_ORDER = new Set(['LightningComponentBundle']);

export function checkMetadata(schema: Schema, xml: string): string[] {
  const problems: string[] = [];
  const nodes = (orderedParser.parse(xml) as Node[]).filter((n) => !('?xml' in n));
  const root = nodes[0];
  if (!root) return ['no root element'];
  const rootName = Object.keys(root).find((k) => k !== ':@')!;
  if (!schema.complex.has(rootName)) return [`root <${rootName}> is not a Metadata API type`];
  checkComplex(schema, rootName, root[rootName] as Node[], rootName, problems);
  return problems;
}

function textOf(children: Node[]): string {
  return children.map((c) => String(c['#text'] ?? '')).join('');
}

function checkComplex(schema: Schema, typeName: string, children: Node[], where: string, problems: string[]): void {
  const definition = schema.complex.get(typeName)!;
  let lastIndex = -1;
  let lastName = '';
  const seen = new Set<string>();
  for (const child of children) {
    const name = Object.keys(child).find((k) => k !== ':@')!;
    if (name === '#text') {
      if (String(child['#text']).trim()) problems.push(`${where}: text directly inside <${typeName}>`);
      continue;
    }
    const index = definition.findIndex((e) => e.name === name);
    if (index < 0) {
      problems.push(`${where}: <${name}> is not an element of ${typeName}`);
      continue;
    }
    const element = definition[index];
    if (index < lastIndex && !ANY_ORDER.has(typeName))
      problems.push(`${where}: <${name}> comes after <${lastName}>, against the schema order`);
    if (seen.has(name) && !element.unbounded) problems.push(`${where}: <${name}> appears more than once`);
    if (seen.has(name) && name !== lastName) problems.push(`${where}: the <${name}> elements are not together`);
    seen.add(name);
    lastIndex = Math.max(lastIndex, index);
    lastName = name;
    const inner = child[name] as Node[];
    const path = `${where}.${name}`;
    if (ANY_CONTENT.has(`${typeName}.${name}`)) continue;
    if (schema.complex.has(element.type)) checkComplex(schema, element.type, inner, path, problems);
    else checkSimple(schema, element.type, textOf(inner), path, problems);
  }
  for (const element of definition) {
    if (element.min > 0 && !seen.has(element.name) && !NOT_REQUIRED.has(`${typeName}.${element.name}`)) {
      problems.push(`${where}: required <${element.name}> is missing`);
    }
  }
}

function checkSimple(schema: Schema, type: string, value: string, where: string, problems: string[]): void {
  const allowed = schema.enums.get(type);
  if (allowed && !allowed.has(value))
    problems.push(`${where}: "${value}" is not a ${type} (${[...allowed].slice(0, 8).join(', ')}...)`);
  if (type === 'boolean' && value !== 'true' && value !== 'false')
    problems.push(`${where}: "${value}" is not a boolean`);
  if ((type === 'int' || type === 'double') && !/^-?\d+(\.\d+)?$/.test(value))
    problems.push(`${where}: "${value}" is not a number`);
}
