/**
 * Rules for the parts of a custom object or Platform Event beyond its fields: labels, name field,
 * tab, list views, layout; and the per-object count of External ID fields across declarations.
 */
import { childAt, type Literal } from '../load/literal';
import { stringAt, type Report } from './fields';
import {
  COMMON_FIELDS,
  MAX_AUTO_NUMBER_FORMAT,
  MAX_DESCRIPTION,
  MAX_EXTERNAL_IDS_PER_OBJECT,
  MAX_LABEL,
  MAX_LIST_VIEW_NAME,
  MAX_PLURAL_LABEL,
} from './rules';

function checkLength(report: Report, at: Literal | undefined, max: number, rule: string, what: string): void {
  if (at?.type !== 'string') return;
  if (at.value.trim().length === 0) {
    report(at, rule, `${what} is empty`, `write a ${what.toLowerCase()} of 1 to ${max} characters`);
  } else if (at.value.length > max) {
    report(
      at,
      rule,
      `${what} "${at.value.slice(0, 30)}..." is ${at.value.length} characters long; Salesforce allows ${max}`,
      `shorten it to ${max} characters${rule === 'label-length' ? ' (the description can say more)' : ''}`,
    );
  }
}

export function checkObjectParts(report: Report, declaration: Literal, what: string): void {
  checkLength(report, childAt(declaration, 'label'), MAX_LABEL, 'label-length', `${what} label`);
  checkLength(
    report,
    childAt(declaration, 'pluralLabel'),
    MAX_PLURAL_LABEL,
    'plural-label-length',
    `${what} plural label`,
  );
  const description = childAt(declaration, 'description');
  if (description?.type === 'string' && description.value.length > MAX_DESCRIPTION) {
    checkLength(report, description, MAX_DESCRIPTION, 'description-length', `${what} description`);
  }
  checkLength(report, childAt(declaration, 'nameField', 'label'), MAX_LABEL, 'label-length', 'Name field label');
  const format = childAt(declaration, 'nameField', 'displayFormat');
  if (format?.type === 'string') {
    const placeholders = format.value.match(/\{0+\}/g) ?? [];
    const zeros = placeholders[0]?.length ?? 0;
    if (placeholders.length !== 1 || zeros - 2 > 10 || format.value.length > MAX_AUTO_NUMBER_FORMAT) {
      report(
        format,
        'auto-number-format',
        `displayFormat "${format.value}" ${placeholders.length !== 1 ? `has ${placeholders.length} {0...} number placeholders` : format.value.length > MAX_AUTO_NUMBER_FORMAT ? `is ${format.value.length} characters long` : 'has more than 10 digits'}; an Auto Number format is up to ${MAX_AUTO_NUMBER_FORMAT} characters with exactly one {0} to {0000000000}`,
        "write it like 'ERR-{000000}'",
      );
    }
  }
  const motif = childAt(declaration, 'tab', 'motif');
  if (motif?.type === 'string' && !/^Custom([1-9]|[1-9]\d|100): \S.*$/.test(motif.value)) {
    report(
      motif,
      'tab-motif',
      `Tab motif "${motif.value}" is not one of the platform's custom tab styles (Custom1 to Custom100 with its name)`,
      "write it as 'CustomNN: Name', such as 'Custom67: Gears'",
    );
  }
  checkViewsAndLayout(report, declaration);
}

function checkViewsAndLayout(report: Report, object: Literal): void {
  const fields = childAt(object, 'fields');
  const known = new Set([...COMMON_FIELDS, ...(fields?.type === 'object' ? fields.entries.keys() : [])]);
  const list = [...known].join(', ');
  const checkField = (at: Literal, where: string) => {
    if (at.type === 'string' && !known.has(at.value)) {
      report(
        at,
        'unknown-field',
        `${where} names "${at.value}", which is not a field of this object`,
        `use one of: ${list}`,
      );
    }
  };
  const views = childAt(object, 'listViews');
  if (views?.type === 'array') {
    const names = new Set<string>();
    for (const view of views.items) {
      const name = childAt(view, 'name');
      if (name?.type === 'string') {
        if (!/^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/.test(name.value) || name.value.length > MAX_LIST_VIEW_NAME) {
          report(
            name,
            'list-view-name',
            `List view name "${name.value}" is not a developer name (letters, digits, single underscores, starting with a letter, at most ${MAX_LIST_VIEW_NAME} characters)`,
            `write it like "${
              name.value
                .replace(/[^A-Za-z0-9]+/g, '_')
                .replace(/^_+|_+$/g, '')
                .slice(0, MAX_LIST_VIEW_NAME) || 'All'
            }"`,
          );
        } else if (names.has(name.value.toLowerCase())) {
          report(
            name,
            'duplicate-name',
            `List view "${name.value}" is declared twice on this object`,
            'give each list view its own name',
          );
        }
        names.add(name.value.toLowerCase());
      }
      checkLength(report, childAt(view, 'label'), MAX_LABEL, 'label-length', 'List view label');
      const columns = childAt(view, 'columns');
      if (columns?.type === 'array') for (const column of columns.items) checkField(column, 'List view column');
      const filter = childAt(view, 'filter', 'field');
      if (filter) checkField(filter, 'List view filter');
    }
  }
  const layout = childAt(object, 'layout');
  if (layout?.type === 'array') {
    for (const section of layout.items) {
      const sectionFields = childAt(section, 'fields');
      if (sectionFields?.type === 'array') for (const field of sectionFields.items) checkField(field, 'Layout section');
    }
  }
}

/** External IDs per object, counting every declaration that adds fields to it. */
export function checkExternalIdCount(report: Report, objects: Literal[], extensions: Literal[]): void {
  const byObject = new Map<string, Literal[]>();
  const add = (name: string | undefined, fields: Literal | undefined) => {
    if (!name || fields?.type !== 'object') return;
    const keys = [...fields.entries.values()].filter((f) => {
      const flag = childAt(f, 'externalId');
      return flag?.type === 'boolean' && flag.value;
    });
    byObject.set(name, [...(byObject.get(name) ?? []), ...keys]);
  };
  for (const object of objects) add(stringAt(object, 'apiName'), childAt(object, 'fields'));
  for (const extension of extensions) add(stringAt(extension, 'object'), childAt(extension, 'fields'));
  for (const [object, keys] of byObject) {
    if (keys.length <= MAX_EXTERNAL_IDS_PER_OBJECT) continue;
    report(
      keys[MAX_EXTERNAL_IDS_PER_OBJECT],
      'external-id-count',
      `${object} has ${keys.length} External ID fields declared; an object holds at most ${MAX_EXTERNAL_IDS_PER_OBJECT}`,
      `remove externalId: true from fields that no integration matches records on (this is field ${MAX_EXTERNAL_IDS_PER_OBJECT + 1})`,
    );
  }
}
