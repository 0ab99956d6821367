/**
 * The page layout of a custom object: the declared sections, then System Information, as a layout
 * Salesforce creates for a new object has them.
 */
import type * as md from '@salesforce/types/metadata';
import type { CustomObjectModel, FieldModel, LayoutSectionModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { generatedRoot } from '../../model/naming';
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
