/**
 * Standard objects a scratch org has only with a setting or a feature turned on (Orders, Quotes,
 * Work Orders, Field Service, Entitlements, Knowledge). The build works out what the declarations
 * need and compares it with the project's scratch org definition (config/project-scratch-def.json):
 * what is missing is a build warning and a `switchyard doctor` line. The generator never writes
 * that file: it belongs to the team, which may hold settings of its own there.
 * https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_scratch_orgs_def_file.htm
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DeclarationError } from '../model/errors';
import type { Model, SourceLocation } from '../model/types';

/** Where the Salesforce CLI's scratch org scripts of a project read the definition from. */
export const SCRATCH_DEFINITION = 'config/project-scratch-def.json';

interface Requirement {
  /** `settings` entries (Metadata API settings in lower camel case): setting -> flag -> value. */
  settings?: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
  /** Scratch org features. */
  features?: readonly string[];
  /** Where the platform says so. */
  doc: string;
}

const ORDERS: Requirement = {
  settings: { orderSettings: { enableOrders: true } },
  doc: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_ordersettings.htm',
};
const QUOTES: Requirement = {
  settings: { quoteSettings: { enableQuote: true } },
  doc: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_quotessettings.htm',
};
const WORK_ORDERS: Requirement = {
  settings: { fieldServiceSettings: { enableWorkOrders: true } },
  doc: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_fieldservicesettings.htm',
};
const FIELD_SERVICE: Requirement = {
  features: ['FieldService'],
  settings: { fieldServiceSettings: { enableWorkOrders: true, fieldServiceOrgPref: true } },
  doc: 'https://developer.salesforce.com/docs/atlas.en-us.field_service_dev.meta/field_service_dev/fsl_dev_set_up.htm',
};
const ENTITLEMENTS: Requirement = {
  features: ['Entitlements'],
  settings: { entitlementSettings: { enableEntitlements: true } },
  doc: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_entitlementsettings.htm',
};
const KNOWLEDGE: Requirement = {
  features: ['Knowledge'],
  settings: { knowledgeSettings: { enableKnowledge: true } },
  doc: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_knowledgesettings.htm',
};

/** Standard object -> what a scratch org needs before the object exists there. */
export const SCRATCH_REQUIREMENTS: Readonly<Record<string, Requirement>> = {
  Order: ORDERS,
  OrderItem: ORDERS,
  Quote: QUOTES,
  QuoteLineItem: QUOTES,
  WorkOrder: WORK_ORDERS,
  WorkOrderLineItem: WORK_ORDERS,
  ServiceAppointment: FIELD_SERVICE,
  ServiceResource: FIELD_SERVICE,
  ServiceTerritory: FIELD_SERVICE,
  AssignedResource: FIELD_SERVICE,
  Entitlement: ENTITLEMENTS,
  ServiceContract: ENTITLEMENTS,
  ContractLineItem: ENTITLEMENTS,
  EntityMilestone: ENTITLEMENTS,
  Knowledge__kav: KNOWLEDGE,
};

/** One thing the scratch org definition lacks, for the objects that need it. */
export interface ScratchGap {
  /** `settings.orderSettings.enableOrders` or `features: FieldService`. */
  entry: string;
  objects: string[];
  location: SourceLocation;
  doc: string;
}

/** Every standard object the declarations extend or an operation names, with where it is first named. */
function namedObjects(model: Model): Map<string, SourceLocation> {
  const named = new Map<string, SourceLocation>();
  for (const extension of model.extensions)
    if (!named.has(extension.object)) named.set(extension.object, extension.location);
  for (const operation of model.operations) {
    const object = (operation as { object?: unknown }).object;
    if (typeof object === 'string' && !named.has(object)) named.set(object, operation.location);
  }
  return named;
}

/** The settings and features the model's objects need, whether or not a definition has them. */
export function scratchOrgNeeds(model: Model): ScratchGap[] {
  const needs = new Map<string, ScratchGap>();
  const need = (entry: string, object: string, location: SourceLocation, doc: string) => {
    const found = needs.get(entry);
    if (found) {
      if (!found.objects.includes(object)) found.objects.push(object);
    } else needs.set(entry, { entry, objects: [object], location, doc });
  };
  for (const [object, location] of namedObjects(model)) {
    const requirement = SCRATCH_REQUIREMENTS[object];
    if (!requirement) continue;
    for (const feature of requirement.features ?? []) need(`features: ${feature}`, object, location, requirement.doc);
    for (const [setting, flags] of Object.entries(requirement.settings ?? {})) {
      for (const flag of Object.keys(flags)) need(`settings.${setting}.${flag}`, object, location, requirement.doc);
    }
  }
  return [...needs.values()];
}

interface Definition {
  features?: unknown;
  settings?: Record<string, Record<string, unknown> | undefined>;
}

/** The folder of the SFDX project that holds `workspace` (this one, or the nearest above with sfdx-project.json). */
export function sfdxProjectRoot(workspace: string): string {
  for (let dir = path.resolve(workspace); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'sfdx-project.json'))) return dir;
    if (path.dirname(dir) === dir) return workspace;
  }
}

/**
 * What the project's scratch org definition lacks for the model's objects. Features are compared
 * ignoring case (the CLI does); a definition that cannot be read lacks everything.
 */
export function scratchOrgGaps(workspace: string, model: Model): { file: string; gaps: ScratchGap[] } {
  const file = path.join(sfdxProjectRoot(workspace), SCRATCH_DEFINITION);
  const needs = scratchOrgNeeds(model);
  if (needs.length === 0) return { file, gaps: [] };
  let definition: Definition = {};
  try {
    definition = JSON.parse(fs.readFileSync(file, 'utf8')) as Definition;
  } catch {
    // No file, or not JSON: every need is a gap.
  }
  const features = new Set(
    (Array.isArray(definition.features) ? definition.features : []).map((f) => String(f).toLowerCase()),
  );
  const has = (entry: string) => {
    const feature = /^features: (.+)$/.exec(entry);
    if (feature) return features.has(feature[1].toLowerCase());
    const [, setting, flag] = entry.split('.');
    return definition.settings?.[setting]?.[flag] === true;
  };
  return { file, gaps: needs.filter((n) => !has(n.entry)) };
}

/** The gaps as build warnings, each at the declaration that first names an object needing it. */
export function scratchOrgWarnings(workspace: string, model: Model): DeclarationError[] {
  const { gaps } = scratchOrgGaps(workspace, model);
  return gaps.map((gap) => ({
    location: gap.location,
    rule: 'scratch-org-setting',
    message: `${gap.objects.join(', ')} exist${gap.objects.length === 1 ? 's' : ''} in a scratch org only with ${gap.entry}, which ${SCRATCH_DEFINITION} does not set: a scratch org made from it would refuse the deploy`,
    fix: `in ${SCRATCH_DEFINITION}, add ${jsonOf(gap.entry)} (${gap.doc})`,
  }));
}

/** `features: FieldService` -> `"FieldService" to "features"`; `settings.a.b` -> `"settings": { "a": { "b": true } }`. */
function jsonOf(entry: string): string {
  const feature = /^features: (.+)$/.exec(entry);
  if (feature) return `"${feature[1]}" to "features"`;
  const [, setting, flag] = entry.split('.');
  return `"settings": { "${setting}": { "${flag}": true } }`;
}
