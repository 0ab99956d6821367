/**
 * What a generated test must set to insert a record of a standard object: the fields the platform
 * requires on create (no default, not nillable) and the parent records they need. The catalog
 * (generator/catalog) names every field but not which are required, so the common objects are
 * listed here from the Object Reference; any other standard object is inserted with the
 * declared values only (notes/catalog: an org's test run shows what else it needs).
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_list.htm
 */
import type { FieldModel, Model } from '../../model/types';
import { sampleValue } from './samples';

/** Parent records a test inserts first, each as its statements; the variable is the object in lower camel case. */
const PARENTS = {
  Account: ["Account account = new Account(Name = 'Switchyard Test Account');", 'insert as system account;'],
  Opportunity: [
    "Opportunity opportunity = new Opportunity(Name = 'Switchyard Test Opportunity', StageName = 'Prospecting', CloseDate = Date.today());",
    'insert as system opportunity;',
  ],
} as const;

type Parent = keyof typeof PARENTS;

const TEST_NAME = "Name = 'Switchyard Test'";

/** Required fields on create, as Apex assignments, and the parents they point to. */
const REQUIRED: Readonly<Record<string, { parents?: readonly Parent[]; fields: readonly string[] }>> = {
  Account: { fields: [TEST_NAME] },
  Asset: { parents: ['Account'], fields: [TEST_NAME, 'AccountId = account.Id'] },
  Campaign: { fields: [TEST_NAME] },
  Case: { fields: [] },
  Contact: { fields: ["LastName = 'Switchyard Test'"] },
  Contract: { parents: ['Account'], fields: ['AccountId = account.Id', "Status = 'Draft'"] },
  Entitlement: { parents: ['Account'], fields: [TEST_NAME, 'AccountId = account.Id'] },
  Event: { fields: ['DurationInMinutes = 30', 'ActivityDateTime = System.now()'] },
  Individual: { fields: ["LastName = 'Switchyard Test'"] },
  Lead: { fields: ["LastName = 'Switchyard Test'", "Company = 'Switchyard Test Company'"] },
  Opportunity: { fields: [TEST_NAME, "StageName = 'Prospecting'", 'CloseDate = Date.today()'] },
  Order: {
    parents: ['Account'],
    fields: ['AccountId = account.Id', 'EffectiveDate = Date.today()', "Status = 'Draft'"],
  },
  Pricebook2: { fields: [TEST_NAME] },
  Product2: { fields: [TEST_NAME] },
  Quote: { parents: ['Opportunity'], fields: [TEST_NAME, 'OpportunityId = opportunity.Id'] },
  ServiceContract: { fields: [TEST_NAME] },
  Solution: { fields: ["SolutionName = 'Switchyard Test'"] },
  Task: { fields: [] },
  WorkOrder: { fields: [] },
};

export interface TestRecord {
  /** Statements that insert the parents the record needs. */
  setup: string[];
  /** Assignments the record needs besides the test's own (`Name = 'Switchyard Test'`). */
  fields: string[];
}

/**
 * What a test record of `object` needs: for a custom object its Text name and its required fields;
 * for a standard object what the platform requires and the required fields the declarations add.
 * `except` is the field the test sets itself (the key).
 */
export function testRecord(model: Model, object: string, except: string): TestRecord {
  const declared = model.objects.find((o) => o.apiName === object);
  const added: readonly FieldModel[] = declared
    ? declared.fields
    : model.extensions.filter((e) => e.object === object).flatMap((e) => e.fields);
  const required = added.filter((f) => f.required && f.name !== except).map((f) => `${f.name} = ${sampleValue(f)}`);
  if (declared) return { setup: [], fields: [...(declared.nameField.type === 'Text' ? [TEST_NAME] : []), ...required] };
  const standard = REQUIRED[object];
  return {
    setup: (standard?.parents ?? []).flatMap((parent) => PARENTS[parent]),
    fields: [...(standard?.fields ?? []), ...required],
  };
}
