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

/**
 * Apex class and trigger names stop at 40 characters; every class generated for a declaration is
 * checked against it with its full name (validate/names.ts).
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_classes.htm
 */
export const MAX_APEX_CLASS_NAME = 40;

/**
 * Labels of objects, events and fields: 40 characters; plural labels too.
 * https://help.salesforce.com/s/articleView?id=000381913&type=1 (field names and labels: 40)
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_customobject.htm
 */
export const MAX_LABEL = 40;
export const MAX_PLURAL_LABEL = 40;
/**
 * Description of a field or object: 1,000 characters; inline help text: 510.
 * https://help.salesforce.com/s/articleView?id=sf.custom_field_attributes.htm
 */
export const MAX_DESCRIPTION = 1000;
export const MAX_HELP_TEXT = 510;
/**
 * Custom fields per object by edition (Enterprise and Developer 500, Unlimited 800). Scratch orgs
 * are Developer Edition (config/project-scratch-def.json), so 500 is what every build must fit.
 * https://help.salesforce.com/apex/HTViewHelpDoc?id=custom_field_allocations.htm
 */
export const CUSTOM_FIELDS_PER_OBJECT = {
  Professional: 100,
  Enterprise: 500,
  Developer: 500,
  Unlimited: 800,
} as const;
export const MAX_CUSTOM_FIELDS_PER_OBJECT = CUSTOM_FIELDS_PER_OBJECT.Developer;
/**
 * External ID fields per object: 25; only Text, Number and Email fields (and Auto Number) can be one.
 * https://help.salesforce.com/s/articleView?id=000385134&type=1
 */
export const MAX_EXTERNAL_IDS_PER_OBJECT = 25;
export const EXTERNAL_ID_KINDS = ['Text', 'Number', 'Email'] as const;
/**
 * Custom picklists: at most 1,000 values (restricted: active and inactive together); each value
 * (API name and label) up to 255 characters.
 * https://help.salesforce.com/HTViewHelpDoc?id=picklist_limitations.htm
 */
export const MAX_PICKLIST_VALUES = 1000;
export const MAX_PICKLIST_VALUE_LENGTH = 255;
/**
 * Long Text Area "visible lines": 2-50 in the edit box.
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm (visibleLines)
 */
export const LONG_TEXT_AREA_VISIBLE_LINES = { min: 2, max: 50 } as const;
/**
 * Auto Number display format: up to 30 characters, with one `{0...}` placeholder of 1-10 zeros.
 * https://help.salesforce.com/s/articleView?id=sf.custom_field_types.htm (Auto Number)
 */
export const MAX_AUTO_NUMBER_FORMAT = 30;
/**
 * Developer names of metadata such as Named Credentials, External Credentials, list views:
 * 80 characters, letters/digits/single underscores, starting with a letter (list views: 40).
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_listview.htm
 */
export const MAX_DEVELOPER_NAME = 80;
export const MAX_LIST_VIEW_NAME = 40;
/** Named Credential label: 80 characters (MasterLabel). */
export const MAX_NAMED_CREDENTIAL_LABEL = 80;

/**
 * Apex REST URL mappings: relative to /services/apexrest, start with `/`, at most 255 characters,
 * case-sensitive, a `*` only as a whole path segment (preceded by `/`, followed by `/` unless last).
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_annotation_rest_resource.htm
 */
export const MAX_URL_MAPPING = 255;
/**
 * Prefixes a mapping must not start with. The platform documents no reserved prefix (the page above
 * only says mappings are relative to /services/apexrest); these are Switchyard's policy: `/swy` is
 * kept for the runtime's own endpoints, and `/services` and `/apexrest` would make URLs such as
 * /services/apexrest/services/data that read like the platform's REST API and are never what the
 * author meant.
 */
export const RESERVED_URL_PREFIXES = ['/services', '/apexrest', '/swy'] as const;

/**
 * Named Credential URL: the scheme and host (and an optional path) only; Apex appends the callout
 * path to `callout:<Name>`, and query parameters belong to the operation's path.
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials.htm
 * Merge fields (`{!$Credential...}`) are evaluated only in headers and bodies, and only where the
 * credential allows them; the generated credentials do not, so none may appear in a URL or path.
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials_merge_fields.htm
 */
export const MERGE_FIELD = /\{!/;

/**
 * Apex names are ASCII: letters A-Z/a-z, digits, underscores. "Alphanumeric" in the platform's
 * naming rules does not include letters such as é or ß.
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_naming_conventions.htm
 */
export const ASCII_NAME = /^[A-Za-z0-9_]*$/;

/**
 * System classes the runtime and the generated code use by their bare names: a generated class of
 * the same name would shadow it in the org's default namespace and break every class that uses it.
 * https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_ref_system.htm
 */
export const SYSTEM_CLASS_NAMES: ReadonlySet<string> = new Set(
  (
    'Assert Blob Callable Crypto Database Date Datetime Decimal Double EncodingUtil EventBus Exception Finalizer ' +
    'FinalizerContext Http HttpCalloutMock HttpRequest HttpResponse Id Integer JSON JSONGenerator JSONParser Limits ' +
    'List Long Map Math Messaging Object Pattern Matcher Queueable QueueableContext Request RestContext RestRequest ' +
    'RestResponse Savepoint Schedulable SchedulableContext Schema Set String System Test Time Trigger Type URL UserInfo'
  )
    .split(' ')
    .map((name) => name.toLowerCase()),
);

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
 * Fields every custom object has. A standard object's fields come from the platform's catalog
 * (generator/catalog).
 */
export const COMMON_FIELDS = ['Id', 'Name', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'OwnerId'];

/**
 * Lightning web component bundle names: start with a lowercase letter, letters, digits and single
 * underscores only, no trailing underscore, no hyphen or whitespace.
 * https://developer.salesforce.com/docs/platform/lwc/guide/create-components-folder.html
 */
export const LWC_BUNDLE_NAME = /^[a-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/;
