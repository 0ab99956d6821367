/**
 * Form controls built from declared fields (FieldInput): one function turns any field into an SLDS
 * form element and reads its value back, so no form is written by hand per event or object.
 */
import type { FieldInput } from '../description';

export interface Control {
  field: FieldInput;
  element: HTMLElement;
  /** The value as the platform would carry it: number, boolean, ISO string, or null when empty. */
  /** @param now milliseconds since the epoch that an empty event datetime stands for */
  read(now?: number): string | number | boolean | null;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

function input(field: FieldInput, id: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const common = { id, name: field.name, 'data-field': field.name };
  switch (field.input) {
    case 'picklist': {
      if (field.restricted) {
        const select = el('select', { ...common, class: 'slds-select' });
        select.append(...(field.values ?? []).map((value) => el('option', { value }, value)));
        select.value = String(field.defaultValue);
        return select;
      }
      const text = el('input', { ...common, class: 'slds-input', type: 'text', list: `${id}-values` });
      text.value = String(field.defaultValue);
      return text;
    }
    case 'textarea':
      return el('textarea', { ...common, class: 'slds-textarea', maxlength: String(field.maxLength ?? 255) });
    case 'checkbox': {
      const box = el('input', { ...common, type: 'checkbox' });
      box.checked = field.defaultValue === true;
      return box;
    }
    case 'number':
      return el('input', { ...common, class: 'slds-input', type: 'number', step: String(10 ** -(field.scale ?? 0)) });
    case 'datetime':
      return el('input', { ...common, class: 'slds-input', type: 'datetime-local', step: '1', placeholder: 'now' });
    default: {
      const text = el('input', { ...common, class: 'slds-input', type: field.input === 'text' ? 'text' : field.input });
      if (field.maxLength) text.maxLength = field.maxLength;
      text.value = String(field.defaultValue);
      return text;
    }
  }
}

function reader(
  field: FieldInput,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  emptyDatetime: 'now' | 'none',
) {
  return (now = Date.now()): string | number | boolean | null => {
    if (field.input === 'checkbox') return (control as HTMLInputElement).checked;
    const value = control.value.trim();
    // An empty datetime of an event is "now", as the panel's clock gives it (a burst's events a millisecond apart).
    if (field.input === 'datetime' && (value || emptyDatetime === 'now'))
      return new Date(value ? new Date(value).getTime() : now).toISOString();
    if (value === '') return null;
    return field.input === 'number' ? Number(value) : value;
  };
}

/** An SLDS form element (label, control, help) for a declared field. */
export function fieldControl(field: FieldInput, idPrefix: string, emptyDatetime: 'now' | 'none' = 'now'): Control {
  const id = `${idPrefix}-${field.name}`;
  const control = input(field, id);
  const label = el(
    'label',
    { class: 'slds-form-element__label', for: id },
    ...(field.required ? [el('abbr', { class: 'slds-required', title: 'required' }, '*')] : []),
    field.label,
  );
  const parts: Node[] = [el('div', { class: 'slds-form-element__control' }, control)];
  if (field.values && !field.restricted)
    parts.push(el('datalist', { id: `${id}-values` }, ...field.values.map((value) => el('option', { value }))));
  const help = [
    field.name,
    field.input === 'datetime' && emptyDatetime === 'now' ? 'empty: now' : '',
    field.description ?? '',
  ]
    .filter(Boolean)
    .join(' · ');
  parts.push(el('div', { class: 'slds-form-element__help' }, help));
  return {
    field,
    element: el('div', { class: 'slds-form-element slds-m-bottom_x-small slds-col slds-size_1-of-2' }, label, ...parts),
    read: reader(field, control, emptyDatetime),
  };
}

/** The controls in two columns. */
export function grid(controls: readonly Control[]): HTMLElement {
  return el(
    'div',
    { class: 'slds-grid slds-wrap slds-gutters_x-small' },
    ...controls.map((control) => control.element),
  );
}

/** Field name -> value of every control; the names of required fields left empty. */
export function readControls(
  controls: readonly Control[],
  now = Date.now(),
): { values: Record<string, string | number | boolean | null>; missing: string[] } {
  const values: Record<string, string | number | boolean | null> = {};
  const missing: string[] = [];
  for (const control of controls) {
    const value = control.read(now);
    values[control.field.name] = value;
    if (control.field.required && value === null) missing.push(control.field.label);
  }
  return { values, missing };
}

/** An SLDS card with a title, a body and optional footer buttons. */
export function card(title: string, body: Node[], attributes: Record<string, string> = {}): HTMLElement {
  return el(
    'article',
    { class: 'slds-card', ...attributes },
    el(
      'div',
      { class: 'slds-card__header slds-grid' },
      el('header', { class: 'slds-media slds-media_center' }, el('h2', { class: 'slds-card__header-title' }, title)),
    ),
    el('div', { class: 'slds-card__body slds-card__body_inner' }, ...body),
  );
}

export function button(label: string, action: string, variant: 'brand' | 'neutral' | 'destructive' = 'neutral') {
  return el('button', { type: 'button', class: `slds-button slds-button_${variant}`, 'data-action': action }, label);
}
