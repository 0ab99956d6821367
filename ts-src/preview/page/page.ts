/**
 * The preview page: each generated record page's components, mounted with a made-up record id on
 * the real LWC engine (synthetic shadow first, as Lightning Experience loads it), and beside them
 * a panel built from the page description (../description.ts): the record data the getRecord
 * stand-in answers with, a form per subscribed Platform Event (publish one, or a burst), and the
 * connection of the empApi stand-in (break, restore, remount the components).
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import { components } from 'swy:preview-components';
import { bus, subscribeCalls } from '../platform/empApi';
import { emitRecord, notificationListeners, notifications } from '../platform/uiRecordApi';
import type { ComponentDescription, EventDescription, PreviewDescription, RecordPageDescription } from '../description';
import { button, card, el, fieldControl, grid, readControls, type Control } from './forms';

/** What the browser test and the screenshot script read, as `window.swyPreview`. */
export interface PreviewWindow {
  description: PreviewDescription;
  bus: typeof bus;
  subscribeCalls: typeof subscribeCalls;
  notifications: typeof notifications;
  /** Events published from the panel. */
  published: number;
}

const USER_ID = '005000000000001AAA';
/** Subscribes refused while the connection is broken: more than any stream retries. */
const REFUSE_ALL = Number.MAX_SAFE_INTEGER;

const description = JSON.parse(
  document.getElementById('swy-preview-description')!.textContent ?? '{"pages":[]}',
) as PreviewDescription;
const state: PreviewWindow = { description, bus, subscribeCalls, notifications, published: 0 };
(window as unknown as { swyPreview: PreviewWindow }).swyPreview = state;

function text(dataId: string, value = ''): HTMLElement {
  return el('span', { 'data-id': dataId }, value);
}

function setText(root: ParentNode, dataId: string, value: string): void {
  root.querySelector(`[data-id="${dataId}"]`)!.textContent = value;
}

function mount(sidebar: HTMLElement, page: RecordPageDescription): void {
  sidebar.replaceChildren(
    ...page.components.map((component) => {
      const is = components[component.tag];
      const element = createElement(component.tag, { is }) as HTMLElement & { recordId: string };
      // What the generated FlexiPage sets as componentInstanceProperties, then the record id.
      Object.assign(element, component.properties);
      element.recordId = page.recordId;
      return el('div', { class: 'slds-m-bottom_medium', 'data-component': component.bundle }, element);
    }),
  );
}

/** The record data stand-in: the object's declared fields, sent to the getRecord wires on change. */
function recordCard(page: RecordPageDescription): HTMLElement {
  // A record's datetime left empty has no value (an event's is published as "now").
  const controls = page.fields.map((field) => fieldControl(field, `${page.name}-record`, 'none'));
  const send = (): void => {
    const { values } = readControls(controls);
    const fields = Object.fromEntries(
      Object.entries(values).map(([name, value]) => [
        name,
        { value, displayValue: value === null ? null : String(value) },
      ]),
    );
    emitRecord({ id: page.recordId, apiName: page.object, fields });
  };
  notificationListeners.add((ids) => {
    if (ids.includes(page.recordId)) setTimeout(send, 0);
  });
  // LDS answers after the component connected.
  setTimeout(send, 0);
  const save = button('Update record', 'update-record', 'brand');
  save.addEventListener('click', send);
  return card(`${page.object} ${page.recordId} (record data)`, [grid(controls), save], { 'data-record': page.name });
}

/**
 * The panel's clock: never behind the wall clock and one millisecond on per event, so events
 * published from the panel (a burst's too) have change times in the order they were published.
 */
let clock = 0;
function tick(): number {
  clock = Math.max(Date.now(), clock + 1);
  return clock;
}

function payload(controls: readonly Control[]): Record<string, unknown> | string[] {
  const now = tick();
  const { values, missing } = readControls(controls, now);
  if (missing.length > 0) return missing;
  const present = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
  return { ...present, CreatedDate: new Date(now).toISOString(), CreatedById: USER_ID };
}

/** A form per subscribed event, built from its declared payload fields. */
function eventCard(event: EventDescription, page: RecordPageDescription, component: ComponentDescription): HTMLElement {
  const controls = event.fields.map((field) => fieldControl(field, `${page.name}-${event.apiName}`));
  const recordId = controls.find((control) => control.field.name === component.recordIdField);
  if (recordId) (recordId.element.querySelector('input') as HTMLInputElement).value = page.recordId;
  const count = el('input', { class: 'slds-input', type: 'number', min: '1', max: '100000', name: 'burstCount' });
  count.value = '500';
  const status = el('p', { class: 'slds-text-body_small slds-m-top_x-small', 'data-id': 'event-status' });
  const publish = (events: number): void => {
    let sent = 0;
    for (let i = 0; i < events; i++) {
      const built = payload(controls);
      if (Array.isArray(built)) {
        status.textContent = `Required: ${built.join(', ')}`;
        return;
      }
      bus.publish(event.channel, built);
      sent += 1;
    }
    state.published += sent;
    status.textContent = `Published ${sent} on ${event.channel} (${state.published} in all)`;
  };
  const one = button('Publish', 'publish', 'brand');
  one.addEventListener('click', () => publish(1));
  const burst = button('Burst', 'burst');
  burst.addEventListener('click', () => publish(Math.max(1, Math.min(100_000, Number(count.value) || 1))));
  const actions = el(
    'div',
    { class: 'slds-grid slds-grid_vertical-align-end slds-gutters_xx-small' },
    el('div', { class: 'slds-col' }, one),
    el('div', { class: 'slds-col' }, el('label', { class: 'slds-form-element__label' }, 'Events in a burst'), count),
    el('div', { class: 'slds-col' }, burst),
  );
  return card(`Publish ${event.label} (${event.apiName})`, [grid(controls), actions, status], {
    'data-event': event.apiName,
  });
}

/** The empApi stand-in's connection: broken, every subscribe fails until it is restored. */
function connectionCard(remountAll: () => void): HTMLElement {
  let broken = false;
  const show = (): void => {
    setText(panel, 'bus-state', broken ? 'Broken: subscribes refused' : 'Connected');
    setText(panel, 'subscribes', subscribeCalls.map(([, replayId]) => replayId).join(', '));
    setText(panel, 'notifications', String(notifications.length));
  };
  const breakIt = button('Break connection', 'break', 'destructive');
  breakIt.addEventListener('click', () => {
    bus.failNextSubscribes(REFUSE_ALL);
    bus.raiseError();
    broken = true;
    show();
  });
  const restore = button('Restore connection', 'restore');
  restore.addEventListener('click', () => {
    bus.failNextSubscribes(0);
    broken = false;
    show();
  });
  const remount = button('Remount components', 'remount');
  remount.addEventListener('click', remountAll);
  const panel = card('Connection (lightning/empApi stand-in)', [
    el('p', {}, 'Bus: ', text('bus-state', 'Connected')),
    el('p', {}, 'Subscribed with replay ids: ', text('subscribes')),
    el('p', {}, 'LDS refresh requests: ', text('notifications', '0')),
    el('div', { class: 'slds-m-top_small' }, breakIt, restore, remount),
  ]);
  setInterval(show, 250);
  return panel;
}

function pageSection(page: RecordPageDescription, sidebar: HTMLElement): HTMLElement {
  const events = page.components.map((component) => eventCard(component.event, page, component));
  return el(
    'section',
    { class: 'slds-m-bottom_large slds-p-around_small', 'data-page': page.name },
    el('h2', { class: 'slds-text-heading_medium slds-m-bottom_small' }, page.label),
    el(
      'div',
      { class: 'slds-grid slds-gutters slds-wrap' },
      el('div', { class: 'slds-col slds-size_1-of-1 slds-large-size_7-of-12' }, recordCard(page), ...events),
      el('div', { class: 'slds-col slds-size_1-of-1 slds-large-size_5-of-12', 'data-region': 'sidebar' }, sidebar),
    ),
  );
}

function render(): void {
  const sidebars = description.pages.map(() => el('div'));
  const remountAll = (): void => description.pages.forEach((page, i) => mount(sidebars[i], page));
  const header = el(
    'div',
    { class: 'slds-page-header slds-m-bottom_medium' },
    el('h1', { class: 'slds-page-header__title' }, 'Switchyard preview'),
    el(
      'p',
      { class: 'slds-page-header__meta-text' },
      'Generated record-page components on the LWC engine with stand-ins for lightning/empApi and record data. No org.',
    ),
  );
  const body = description.pages.length
    ? description.pages.map((page, i) => pageSection(page, sidebars[i]))
    : [el('p', {}, 'No ui-update operation: no record page has a live component.')];
  document
    .getElementById('preview')!
    .replaceChildren(header, el('div', { class: 'slds-p-horizontal_medium' }, connectionCard(remountAll), ...body));
  remountAll();
}

render();
