/**
 * Where the components appear: a Lightning record page per object that has a live-update
 * component, a tab for the error console, and the Switchyard Lightning app that holds the console,
 * the objects' tabs and Order, and makes the generated record page the one users see in this app.
 */
import type * as md from '@salesforce/types/metadata';
import { BuildFailure } from '../../model/errors';
import type { Model, UiUpdateModel } from '../../model/types';
import { CONSOLE_APP, CONSOLE_TAB, GENERATED_ROOT } from '../../model/naming';
import { metadataPaths } from '../metadata/paths';
import { metadataXml, type Sparse } from '../metadata/xml';
import type { GeneratedFile } from '../types';
import { LWC_SOURCE_DIR } from './compile';
import { liveRecordProperties, liveRecordSettings } from './liveRecord';

/** The bundle the console tab opens. */
export const CONSOLE_COMPONENT = 'integrationErrorConsole';

/** `Order` -> `Order_Record_Page` (ORDER_RECORD_PAGE); `Shipment__c` -> `Shipment_Record_Page`. */
export function recordPageName(object: string): string {
  return `${object.replace(/__c$/, '')}_Record_Page`;
}

export const pagePaths = {
  flexiPage: (name: string) => `${GENERATED_ROOT}/flexipages/${name}.flexipage-meta.xml`,
  application: (name: string) => `${GENERATED_ROOT}/applications/${name}.app-meta.xml`,
} as const;

/** Objects with a live-update component, each with the components to place on its record page. */
function recordPages(model: Model): Map<string, UiUpdateModel[]> {
  const pages = new Map<string, UiUpdateModel[]>();
  const operations = model.operations
    .filter((operation): operation is UiUpdateModel => operation.pattern === 'ui-update')
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const operation of operations) pages.set(operation.object, [...(pages.get(operation.object) ?? []), operation]);
  return new Map([...pages].sort(([a], [b]) => a.localeCompare(b)));
}

/** A ui-update operation names a component; the page would not deploy without it. */
function checkComponentsExist(model: Model): void {
  const bundles = new Set(model.components.map((component) => component.bundle));
  const missing = model.operations.filter(
    (operation): operation is UiUpdateModel => operation.pattern === 'ui-update' && !bundles.has(operation.component),
  );
  const errors = missing.map((operation) => ({
    location: operation.location,
    rule: 'lwc-component',
    message: `operation ${operation.name} shows component '${operation.component}', which is not a bundle in ${LWC_SOURCE_DIR}`,
    fix: `Create ${LWC_SOURCE_DIR}/${operation.component}/${operation.component}.ts (with .html and .js-meta.xml), or name an existing bundle.`,
  }));
  if (!bundles.has(CONSOLE_COMPONENT)) {
    errors.push({
      location: { file: LWC_SOURCE_DIR, line: 1, column: 1 },
      rule: 'lwc-component',
      message: `the console tab ${CONSOLE_TAB} opens '${CONSOLE_COMPONENT}', which is not a bundle in ${LWC_SOURCE_DIR}`,
      fix: `Restore ${LWC_SOURCE_DIR}/${CONSOLE_COMPONENT}/.`,
    });
  }
  if (errors.length > 0) throw new BuildFailure(errors);
}

function component(
  componentName: string,
  identifier: string,
  properties: Record<string, string> = {},
): Sparse<md.ItemInstance> {
  return {
    componentInstance: {
      componentInstanceProperties: Object.entries(properties).map(([name, value]) => ({ name, value })),
      componentName,
      identifier,
    },
  };
}

function region(
  name: string,
  type: md.FlexiPageRegionType,
  items: Sparse<md.ItemInstance>[],
): Sparse<md.FlexiPageRegion> {
  return { itemInstances: items, name, type };
}

/**
 * Record page on the standard desktop template (header, main, sidebar): highlights panel on top,
 * details and related lists in tabs, the live components in the sidebar.
 */
export function recordPage(object: string, operations: readonly UiUpdateModel[], model: Model): Sparse<md.FlexiPage> {
  return {
    description: `${object} record page with ${operations.map((operation) => operation.component).join(', ')} (Switchyard).`,
    flexiPageRegions: [
      region('detailTabContent', 'Facet', [component('force:detailPanel', 'force_detailPanel')]),
      region('relatedTabContent', 'Facet', [
        component('force:relatedListContainer', 'force_relatedListContainer', { relatedListComponentOverride: 'NONE' }),
      ]),
      region('maintabs', 'Facet', [
        component('flexipage:tab', 'detailTab', {
          active: 'true',
          body: 'detailTabContent',
          title: 'Standard.Tab.detail',
        }),
        component('flexipage:tab', 'relatedListsTab', {
          body: 'relatedTabContent',
          title: 'Standard.Tab.relatedLists',
        }),
      ]),
      region('header', 'Region', [
        component('force:highlightsPanel', 'force_highlightsPanel', { collapsed: 'false', numVisibleActions: '3' }),
      ]),
      region('main', 'Region', [component('flexipage:tabset', 'flexipage_tabset', { tabs: 'maintabs' })]),
      region(
        'sidebar',
        'Region',
        operations.map((operation) =>
          operation.live
            ? component(
                operation.component,
                `c_${operation.component}_${operation.name}`,
                liveRecordProperties(liveRecordSettings(model, operation)),
              )
            : component(operation.component, `c_${operation.component}`),
        ),
      ),
    ],
    masterLabel: `${object.replace(/__c$/, '').replace(/_/g, ' ')} Record Page`,
    sobjectType: object,
    template: { name: 'flexipage:recordHomeTemplateDesktop' },
    type: 'RecordPage',
  };
}

export function consoleTab(): Sparse<md.CustomTab> {
  return {
    description: 'Failed and retrying integration messages: reprocess or resolve them (Switchyard).',
    label: 'Integration Errors',
    lwcComponent: CONSOLE_COMPONENT,
    motif: 'Custom67: Gears',
  };
}

/**
 * The Switchyard app. App-default View overrides make the generated record pages the ones shown in
 * this app (what "Assign as App Default" in Lightning App Builder writes), without touching the
 * org default or any profile.
 */
export function application(model: Model, pages: ReadonlyMap<string, unknown>): Sparse<md.CustomApplication> {
  const objectTabs = model.objects
    .filter((object) => object.tab)
    .map((object) => object.apiName)
    .sort();
  const standardTabs = [...pages.keys()]
    .filter((object) => !object.endsWith('__c'))
    .map((object) => `standard-${object}`);
  return {
    actionOverrides: [...pages.keys()].map((object) => ({
      actionName: 'View',
      content: recordPageName(object),
      formFactor: 'Large',
      skipRecordTypeSelect: false,
      type: 'Flexipage',
      pageOrSobjectType: object,
    })),
    description: 'Integration monitoring: the error console, live order status and the error log (Switchyard).',
    // lightning/empApi is supported only in desktop browsers.
    // https://developer.salesforce.com/docs/platform/lightning-component-reference/guide/lightning-emp-api.html
    formFactors: ['Large'],
    label: 'Switchyard',
    navType: 'Standard',
    tabs: [CONSOLE_TAB, ...standardTabs, ...objectTabs],
    uiType: 'Lightning',
  };
}

export function emitPages(model: Model): GeneratedFile[] {
  checkComponentsExist(model);
  const pages = recordPages(model);
  const files: GeneratedFile[] = [...pages].map(([object, operations]) => ({
    path: pagePaths.flexiPage(recordPageName(object)),
    content: metadataXml(
      'FlexiPage',
      recordPage(object, operations, model),
      operations.map((operation) => operation.location.file),
    ),
    parser: 'xml',
  }));
  const consoleSource = [`${LWC_SOURCE_DIR}/${CONSOLE_COMPONENT}`];
  files.push({
    path: metadataPaths.tab(GENERATED_ROOT, CONSOLE_TAB),
    content: metadataXml('CustomTab', consoleTab(), consoleSource),
    parser: 'xml',
  });
  const appSources = [
    ...consoleSource,
    ...model.objects.filter((object) => object.tab).map((object) => object.location.file),
    ...[...pages.values()].flat().map((operation) => operation.location.file),
  ];
  files.push({
    path: pagePaths.application(CONSOLE_APP),
    content: metadataXml('CustomApplication', application(model, pages), appSources),
    parser: 'xml',
  });
  return files;
}
