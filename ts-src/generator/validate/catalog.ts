/**
 * Object and field names checked against the platform's catalog of standard objects
 * (generator/catalog) and the project's own custom objects: an objectExtension or an operation
 * may name any standard object the platform has, and any standard field of it; a misspelling is
 * refused with the nearest name.
 */
import {
  didYouMean,
  extensionRefusal,
  isStandardObject,
  standardObject,
  unknownObjectHint,
  type StandardFieldType,
} from '../catalog';
import { childAt, type Literal } from '../load/literal';
import { stringAt, type Report } from './fields';

/**
 * `objectExtension.object` must be a standard object that takes custom fields. A custom object
 * (`__c`) is extended in its own customObject declaration.
 */
export function checkExtensionObject(report: Report, extension: Literal, declaredObjects: readonly string[]): void {
  const at = childAt(extension, 'object');
  if (at?.type !== 'string') return;
  const name = at.value;
  if (declaredObjects.includes(name)) {
    report(
      at,
      'unknown-object',
      `objectExtension names ${name}, a custom object this project declares`,
      `add the fields to the customObject declaration of ${name}`,
    );
  } else if (!isStandardObject(name)) {
    report(
      at,
      'unknown-object',
      `objectExtension names "${name}", which is not a standard object of the platform`,
      `${unknownObjectHint(name, declaredObjects)} (or declare a customObject)`,
    );
  } else {
    const refusal = extensionRefusal(name);
    if (refusal) {
      report(
        at,
        'extension-not-allowed',
        `objectExtension names ${name}: ${refusal}`,
        'extend an object that holds records, or declare a customObject for the data',
      );
    }
  }
}

/**
 * The message and fix for an operation's `object` that is neither standard nor declared, or
 * undefined when the name is fine.
 */
export function unknownObjectProblem(
  name: string,
  declaredObjects: readonly string[],
): { message: string; fix: string } | undefined {
  if (isStandardObject(name)) {
    const refusal = extensionRefusal(name);
    return refusal
      ? { message: `names ${name}: ${refusal}`, fix: 'name an object that holds records, or declare a customObject' }
      : undefined;
  }
  if (declaredObjects.includes(name)) return undefined;
  if (name.endsWith('__c')) {
    const suggestion = didYouMean(name, declaredObjects);
    return {
      message: `names object "${name}", which is not declared`,
      fix: suggestion
        ? `did you mean "${suggestion}"? (or declare ${name} with customObject)`
        : 'declare the object with customObject, or extend a standard one',
    };
  }
  return {
    message: `names object "${name}", which is not declared and is not a standard object of the platform`,
    fix: unknownObjectHint(name, declaredObjects),
  };
}

/**
 * The fields an operation may name on `object`: the catalog's standard fields (value undefined:
 * no declaration) and the custom fields the declarations add (their literal). Undefined for an
 * object that is neither standard nor declared.
 */
export function standardFieldMap(object: string): Map<string, Literal | undefined> | undefined {
  const found = standardObject(object);
  return found ? new Map<string, Literal | undefined>([...found.fields.keys()].map((f) => [f, undefined])) : undefined;
}

/** The fix for a field that is not on the object: the nearest name, or where to declare it. */
export function unknownFieldFix(object: string, field: string, known: Iterable<string>): string {
  const suggestion = didYouMean(field, [...known]);
  const declare = field.endsWith('__c')
    ? `declare ${field} in an objectExtension (or the customObject) of ${object}`
    : `a standard field is named as the platform names it, and a custom one ends in __c and is declared on ${object}`;
  return suggestion ? `did you mean "${suggestion}"? (otherwise ${declare})` : declare;
}

/**
 * Standard fields no integration can write: the platform sets them itself (record id, audit
 * fields), or they are compound (an Address or a Location is written through its parts).
 */
const SYSTEM_FIELDS = new Set([
  'Id',
  'IsDeleted',
  'CreatedById',
  'CreatedDate',
  'LastModifiedById',
  'LastModifiedDate',
  'SystemModstamp',
  'LastViewedDate',
  'LastReferencedDate',
]);

/** Request property kinds (DSL field kinds) a standard field of each Apex type can take. */
const TAKES: Readonly<Partial<Record<StandardFieldType, readonly string[]>>> = {
  String: ['Text', 'TextArea', 'LongTextArea', 'Email', 'Url', 'Picklist'],
  Id: ['Text'],
  Boolean: ['Checkbox'],
  Integer: ['Number'],
  Long: ['Number'],
  Decimal: ['Number'],
  Date: ['Date'],
  Datetime: ['DateTime'],
};

/**
 * A mapping that writes a request property to a standard field: the field must be one an
 * integration can write, of a type the property fits (a DateTime property into a Datetime field).
 */
export function checkStandardMappingTargets(
  report: Report,
  mapping: Literal | undefined,
  request: Literal | undefined,
  object: string,
): void {
  const found = standardObject(object);
  if (!found || mapping?.type !== 'object') return;
  for (const [property, target] of mapping.entries) {
    if (target.type !== 'string') continue;
    const type = found.fields.get(target.value);
    if (type === undefined) continue;
    if (SYSTEM_FIELDS.has(target.value) || type === 'Address' || type === 'Location') {
      report(
        target,
        'mapping-read-only',
        `Mapping writes "${property}" to ${object}.${target.value}, which ${type === 'Address' || type === 'Location' ? `is a compound ${type} field, written only through its parts` : 'the platform sets itself'}`,
        type === 'Address' || type === 'Location'
          ? `map to the parts of ${target.value} (such as ${target.value.replace(/Address$/, '')}City)`
          : `map "${property}" to a field of ${object} that records the value, such as a custom field`,
      );
      continue;
    }
    const kind = stringAt(request?.type === 'object' ? request.entries.get(property) : undefined, 'kind');
    const takes = TAKES[type];
    if (kind !== undefined && takes !== undefined && !takes.includes(kind)) {
      report(
        target,
        'mapping-type',
        `Mapping writes request property "${property}" (${kind}) to ${object}.${target.value} (${type}), which cannot hold it`,
        `map "${property}" to a field that takes ${kind}, or declare the property as one of: ${takes.join(', ')}`,
      );
    }
  }
}
