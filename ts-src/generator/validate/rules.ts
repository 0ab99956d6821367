/**
 * Platform rules and limits the declarations must respect. Each constant cites where the number
 * comes from, so a reader can check it against the platform instead of trusting this file.
 */

/**
 * Custom object and field names: 40 characters before the suffix, start with a letter, no double
 * or trailing underscore. https://help.salesforce.com/s/articleView?id=sf.custom_field_names.htm
 */
export const MAX_API_NAME_STEM = 40;

/** Text 1-255; Long Text Area 256-131,072. https://help.salesforce.com/s/articleView?id=sf.custom_field_types.htm */
export const TEXT_LENGTH = { min: 1, max: 255 } as const;
export const LONG_TEXT_AREA_LENGTH = { min: 256, max: 131072 } as const;
/** Number: up to 18 digits in all, scale part of the precision. */
export const MAX_NUMBER_PRECISION = 18;

/**
 * A callout may wait at most 120 s.
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_timeouts.htm
 */
export const MAX_CALLOUT_TIMEOUT_SECONDS = 120;

/**
 * Developer Edition and trial orgs (scratch orgs included) stop Queueable chains at depth 5.
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_queueing_jobs.htm
 */
export const SCRATCH_ORG_MAX_CHAIN_DEPTH = 5;

/** Batch Apex scope: 1-2,000 records per execute(). */
export const MAX_BATCH_SIZE = 2000;

/** Generated classes append suffixes such as `OperationTest` (13 characters) to an operation's name; Apex class names stop at 40. */
export const MAX_OPERATION_NAME = 26;

/**
 * Field types a Platform Event field may have.
 * https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_define_ui.htm
 */
export const PLATFORM_EVENT_FIELD_KINDS = ['Text', 'LongTextArea', 'Number', 'Checkbox', 'Date', 'DateTime'] as const;

/**
 * Apex reserved keywords: a name that becomes an Apex identifier (class, property) cannot be one.
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_reserved_words.htm
 */
export const APEX_RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    'abstract activate and any array as asc autonomous begin bigdecimal blob boolean break bulk by byte case cast ' +
    'catch char class collect commit const continue currency date datetime decimal default delete desc do double ' +
    'else end enum exception exit export extends false final finally float for from global goto group having hint ' +
    'if implements import in inner insert instanceof int integer interface into join like limit list long loop map ' +
    'merge new not null nulls number object of on or outer override package parallel pragma private protected ' +
    'public retrieve return rollback savepoint search select set short sort stat static string super switch ' +
    'synchronized system testmethod then this throw time transaction trigger true try type undelete update upsert ' +
    'using virtual void webservice when where while'
  ).split(' '),
);

/**
 * Standard fields of the standard objects a declaration may name, beside the custom fields the
 * declarations add. Only objects the generator supports as targets are listed.
 */
export const STANDARD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Order: [
    'Id',
    'Name',
    'OrderNumber',
    'Status',
    'StatusCode',
    'TotalAmount',
    'EffectiveDate',
    'EndDate',
    'ActivatedDate',
    'AccountId',
    'Pricebook2Id',
    'OwnerId',
    'Description',
    'Type',
    'PoNumber',
    'CreatedDate',
    'LastModifiedDate',
    'SystemModstamp',
  ],
};

/** Fields every object has, custom or standard. */
export const COMMON_FIELDS = ['Id', 'Name', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'OwnerId'];
