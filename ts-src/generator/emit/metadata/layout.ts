/**
 * Page layouts. A custom object's: the declared sections, then System Information, as a layout
 * Salesforce creates for a new object has them. A standard object the declarations extend (Order)
 * gets a layout of its own showing the generated fields, for an admin to assign.
 */
import type * as md from '@salesforce/types/metadata';
import type { CustomObjectModel, FieldModel, LayoutSectionModel, Model } from '../../model/types';
import type { GeneratedFile } from '../types';
import { GENERATED_ROOT, generatedRoot } from '../../model/naming';
import { metadataPaths } from './paths';
import { metadataFile, type Sparse } from './xml';

type Item = Sparse<md.LayoutItem>;
type Section = Sparse<md.LayoutSection>;

/** Long text reads badly in half a page: a section holding any goes one column wide. */
const WIDE_KINDS: ReadonlySet<FieldModel['kind']> = new Set(['TextArea', 'LongTextArea']);

export function layoutName(object: CustomObjectModel): string {
  return `${object.apiName}-${object.label} Layout`;
}

export function layoutMetadata(object: CustomObjectModel): Sparse<md.Layout> {
  const listed = new Set(object.layout.flatMap((section) => section.fields));
  // Name and Owner head the first section unless the declaration placed them itself.
  const lead = ['Name', 'OwnerId'].filter((field) => !listed.has(field));
  return {
    layoutSections: [
      ...object.layout.map((section, index) => declaredSection(object, section, index === 0 ? lead : [])),
      systemInformation(),
    ],
  };
}

export function layoutFile(object: CustomObjectModel, sources: readonly string[]): GeneratedFile {
  return metadataFile(
    metadataPaths.layout(generatedRoot(object.layer), layoutName(object)),
    'Layout',
    layoutMetadata(object),
    sources,
  );
}

function declaredSection(object: CustomObjectModel, section: LayoutSectionModel, lead: readonly string[]): Section {
  const fields = new Map(object.fields.map((field) => [field.name, field]));
  const item = (name: string): Item => ({ behavior: behavior(object, fields.get(name), name), field: name });
  const wide = section.fields.some((name) => WIDE_KINDS.has(fields.get(name)?.kind ?? 'Text'));
  const name = lead.filter((field) => field === 'Name');
  const owner = lead.filter((field) => field === 'OwnerId');
  let columns: Item[][];
  if (wide) {
    columns = [[...name, ...owner, ...section.fields].map(item)];
  } else {
    // Top to bottom: the first half of the fields on the left, the rest on the right.
    const half = Math.ceil(section.fields.length / 2);
    columns = [
      [...name, ...section.fields.slice(0, half)].map(item),
      [...owner, ...section.fields.slice(half)].map(item),
    ];
  }
  return {
    customLabel: true,
    detailHeading: true,
    editHeading: true,
    label: section.label,
    layoutColumns: columns.map((layoutItems) => (layoutItems.length > 0 ? { layoutItems } : {})),
    style: wide ? 'OneColumn' : 'TwoColumnsTopToBottom',
  };
}

function behavior(object: CustomObjectModel, field: FieldModel | undefined, name: string): md.UiBehavior {
  if (name === 'Name') return object.nameField.type === 'AutoNumber' ? 'Readonly' : 'Required';
  if (name === 'OwnerId') return 'Edit';
  if (!field) return 'Readonly';
  return field.required ? 'Required' : 'Edit';
}

function systemInformation(): Section {
  const readonly = (field: string): Sparse<md.LayoutColumn> => ({ layoutItems: [{ behavior: 'Readonly', field }] });
  return {
    customLabel: false,
    detailHeading: true,
    editHeading: false,
    label: 'System Information',
    layoutColumns: [readonly('CreatedById'), readonly('LastModifiedById')],
    style: 'TwoColumnsTopToBottom',
  };
}

/**
 * Standard fields that head the page layout of a standard object the declarations extend, with the
 * behaviour the object needs (its required fields Required). Objects not listed get the Switchyard
 * section and System Information only.
 */
const STANDARD_LAYOUT_FIELDS: Readonly<Record<string, readonly (readonly [string, md.UiBehavior])[]>> = {
  Order: [
    ['OrderNumber', 'Readonly'],
    ['AccountId', 'Required'],
    ['EffectiveDate', 'Required'],
    ['Status', 'Required'],
    ['OwnerId', 'Edit'],
    ['ContractId', 'Edit'],
  ],
  // A layout must hold the object's always-required fields, or the deploy refuses it; these are
  // the required fields of the common objects' standard layouts (a compound name is `Name`).
  // https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_layouts.htm
  Account: [['Name', 'Required']],
  Asset: [['Name', 'Required']],
  Campaign: [['Name', 'Required']],
  Case: [['Status', 'Required']],
  Contact: [['Name', 'Required']],
  Contract: [
    ['AccountId', 'Required'],
    ['Status', 'Required'],
  ],
  Lead: [
    ['Name', 'Required'],
    ['Company', 'Required'],
    ['Status', 'Required'],
  ],
  Opportunity: [
    ['Name', 'Required'],
    ['StageName', 'Required'],
    ['CloseDate', 'Required'],
  ],
  Pricebook2: [['Name', 'Required']],
  Product2: [['Name', 'Required']],
  Quote: [
    ['Name', 'Required'],
    ['OpportunityId', 'Required'],
  ],
};

/**
 * `Order-Switchyard Order Layout`: a layout of its own, never the org's `Order-Order Layout`, so a
 * deploy cannot overwrite the layout the org's users have; an admin assigns it per profile.
 */
export function extensionLayoutName(object: string): string {
  return `${object}-Switchyard ${object} Layout`;
}

/**
 * A standard object's page layout showing its generated fields: its own standard fields, then a
 * Switchyard section with every generated field (read-only where a call-in writes it: the external
 * system owns that value), then System Information.
 */
export function extensionLayoutMetadata(model: Model, object: string): Sparse<md.Layout> {
  const fields = model.extensions.filter((extension) => extension.object === object).flatMap((e) => e.fields);
  const written = new Set(
    model.operations.flatMap((operation) =>
      operation.pattern === 'remote-call-in' && operation.object === object
        ? [...Object.values(operation.mapping), operation.idempotencyKey]
        : [],
    ),
  );
  const generatedBehavior = (field: FieldModel): md.UiBehavior =>
    written.has(field.name) ? 'Readonly' : field.required ? 'Required' : 'Edit';
  const standard = (STANDARD_LAYOUT_FIELDS[object] ?? []).map(([field, behavior]): Item => ({ behavior, field }));
  const generated = fields.map((field): Item => ({ behavior: generatedBehavior(field), field: field.name }));
  const switchyard = twoColumns('Switchyard', generated);
  return {
    layoutSections: [
      ...(standard.length > 0 ? [twoColumns('Information', standard)] : []),
      fields.some((field) => WIDE_KINDS.has(field.kind))
        ? { ...switchyard, layoutColumns: [{ layoutItems: generated }], style: 'OneColumn' }
        : switchyard,
      systemInformation(),
    ],
  };
}

/** One layout per standard object the declarations add fields to. */
export function extensionLayoutFiles(model: Model): GeneratedFile[] {
  const objects = [...new Set(model.extensions.map((extension) => extension.object))].sort();
  return objects.map((object) =>
    metadataFile(
      metadataPaths.layout(GENERATED_ROOT, extensionLayoutName(object)),
      'Layout',
      extensionLayoutMetadata(model, object),
      [
        ...model.extensions.filter((extension) => extension.object === object).map((e) => e.location.file),
        ...model.operations
          .filter((operation) => operation.pattern === 'remote-call-in' && operation.object === object)
          .map((operation) => operation.location.file),
      ],
    ),
  );
}

/** Top to bottom: the first half of the items on the left, the rest on the right. */
function twoColumns(label: string, items: readonly Item[]): Section {
  const half = Math.ceil(items.length / 2);
  return {
    customLabel: true,
    detailHeading: true,
    editHeading: true,
    label,
    layoutColumns: [items.slice(0, half), items.slice(half)].map((layoutItems) =>
      layoutItems.length > 0 ? { layoutItems } : {},
    ),
    style: 'TwoColumnsTopToBottom',
  };
}
