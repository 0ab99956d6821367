/**
 * Rules for what ends up in a URL: the Named Credential of an external system, the path an
 * operation appends to it, the token endpoints of its authentication, and the REST URL mapping of
 * a call-in. Sources beside the constants in rules.ts.
 */
import { childAt, type Literal } from '../load/literal';
import { externalCredentialName, principalName } from '../model/naming';
import type { Report } from './fields';
import {
  MAX_DEVELOPER_NAME,
  MAX_NAMED_CREDENTIAL_LABEL,
  MAX_URL_MAPPING,
  MERGE_FIELD,
  RESERVED_URL_PREFIXES,
} from './rules';

const parse = (url: string): URL | undefined => {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
};

/** Named Credential name, label and URL; token endpoints and header names of its authentication. */
export function checkSystemUrls(report: Report, system: Literal): void {
  const nameAt = childAt(system, 'name');
  if (nameAt?.type === 'string') {
    // The longest developer name made from it is the principal: `<name>_Principal`.
    const longest = principalName(nameAt.value);
    if (longest.length > MAX_DEVELOPER_NAME) {
      report(
        nameAt,
        'developer-name-length',
        `External system name "${nameAt.value}" makes the developer name "${longest}" (${longest.length} characters; also "${externalCredentialName(nameAt.value)}"); Salesforce developer names stop at ${MAX_DEVELOPER_NAME}`,
        `shorten the name to ${MAX_DEVELOPER_NAME - (longest.length - nameAt.value.length)} characters or fewer`,
      );
    }
  }
  const label = childAt(system, 'label');
  if (label?.type === 'string' && label.value.length > MAX_NAMED_CREDENTIAL_LABEL) {
    report(
      label,
      'label-length',
      `External system label is ${label.value.length} characters long; a Named Credential label holds ${MAX_NAMED_CREDENTIAL_LABEL}`,
      `shorten the label to ${MAX_NAMED_CREDENTIAL_LABEL} characters`,
    );
  }
  const baseUrl = childAt(system, 'baseUrl');
  if (baseUrl?.type === 'string') checkBaseUrl(report, baseUrl);
  // The JWT audience is an identifier, not an endpoint the credential calls: only tokenUrl is checked.
  for (const key of ['tokenUrl'] as const) {
    const url = childAt(system, 'auth', key);
    if (url?.type !== 'string') continue;
    const parsed = parse(url.value);
    if (!parsed || parsed.protocol !== 'https:' || MERGE_FIELD.test(url.value)) {
      report(
        url,
        'token-url',
        `${key} "${url.value}" is not an https:// URL; the External Credential sends the client secret or assertion to it`,
        'use the https:// token endpoint of the identity provider, such as https://login.example.com/oauth2/token',
      );
    }
  }
  const header = childAt(system, 'auth', 'headerName');
  if (header?.type === 'string' && !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(header.value)) {
    report(
      header,
      'header-name',
      `headerName "${header.value}" is not an HTTP header name (RFC 9110 token: letters, digits and !#$%&'*+-.^_\`|~, no spaces or colon)`,
      'write the bare header name, such as X-Api-Key',
    );
  }
}

function checkBaseUrl(report: Report, at: Literal & { type: 'string' }): void {
  const url = at.value;
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:' || !parsed.hostname) {
    report(
      at,
      'base-url',
      `baseUrl "${url}" is not an https:// URL`,
      'use an https:// URL such as https://api.example.com/v2',
    );
    return;
  }
  if (parsed.search || parsed.hash || url.includes('?') || url.includes('#')) {
    report(
      at,
      'base-url-query',
      `baseUrl "${url}" has a ${parsed.hash || url.includes('#') ? 'fragment' : 'query'}; Apex appends each operation's path to the Named Credential URL, so it would land after the query`,
      `set baseUrl to "${parsed.origin}${parsed.pathname.replace(/\/$/, '')}" and put the query in the operation's path`,
    );
  } else if (parsed.username || parsed.password) {
    report(
      at,
      'base-url-credentials',
      `baseUrl "${url}" holds credentials; secrets never live in declarations`,
      `set baseUrl to "${parsed.origin}${parsed.pathname}" and configure the credential on the External Credential principal`,
    );
  } else if (url.endsWith('/')) {
    report(
      at,
      'base-url-trailing-slash',
      `baseUrl "${url}" ends in /, and every operation path starts with /: callouts would go to ...${parsed.pathname.replace(/\/$/, '')}//path`,
      `remove the trailing slash: "${url.replace(/\/+$/, '')}"`,
    );
  } else if (MERGE_FIELD.test(decodeURI(url))) {
    report(
      at,
      'merge-field',
      `baseUrl "${url}" holds a merge field; the platform resolves merge fields only in headers and bodies`,
      'write the literal URL',
    );
  }
}

/** The path an outbound operation appends to `callout:<Name>`. */
export function checkCalloutPath(report: Report, operation: Literal): void {
  const at = childAt(operation, 'path');
  if (at?.type !== 'string') return;
  const path = at.value;
  const problem = !path.startsWith('/')
    ? 'does not start with /'
    : /\s/.test(path)
      ? 'holds whitespace'
      : path.includes('#')
        ? 'holds a fragment (#...), which is never sent to a server'
        : path.startsWith('//')
          ? 'starts with //, which would be read as a new host'
          : MERGE_FIELD.test(path)
            ? 'holds a merge field ({!...}), which the platform resolves only in headers and bodies the credential allows'
            : /%(?![0-9A-Fa-f]{2})/.test(path)
              ? 'holds a % that does not start a percent-encoded byte'
              : undefined;
  if (!problem) return;
  report(
    at,
    'callout-path',
    `path "${path}" ${problem}; it is appended to the Named Credential URL as callout:<system>${path.startsWith('/') ? '' : '/'}${path}`,
    `write a path that starts with / and holds no spaces, fragment or merge field, such as "/${path.replace(/^\/+/, '').replace(/[\s#{}!$]+/g, '-')}"`,
  );
}

/** `urlMapping` of a call-in; returns the mapping the REST resource will carry, for uniqueness. */
export function checkUrlMapping(report: Report, operation: Literal): string | undefined {
  const at = childAt(operation, 'urlMapping');
  if (at?.type !== 'string') return undefined;
  const mapping = at.value;
  const generated = mapping.endsWith('*') ? mapping : `${mapping.replace(/\/$/, '')}/*`;
  const fail = (rule: string, message: string, fix: string) => {
    report(at, rule, `urlMapping "${mapping}" ${message}`, fix);
    return undefined;
  };
  if (!mapping.startsWith('/')) return fail('url-mapping', 'does not start with /', `write it as "/${mapping}"`);
  if (!/^[A-Za-z0-9\-._~/*]+$/.test(mapping)) {
    return fail(
      'url-mapping',
      'holds characters other than letters, digits, - . _ ~ / and *',
      'use letters, digits, - and _ in path segments, such as /acme/v1/order-status',
    );
  }
  if (/\*(?!\/|$)|[^/]\*/.test(mapping)) {
    return fail(
      'url-mapping',
      'has a * that is not a whole path segment; a * must follow / and be the last character or be followed by /',
      `write the wildcard as its own segment, such as "${mapping.replace(/\/?\*.*$/, '')}/*"`,
    );
  }
  if (mapping.includes('//')) return fail('url-mapping', 'holds an empty segment (//)', 'remove the repeated slash');
  if (generated.length > MAX_URL_MAPPING) {
    return fail(
      'url-mapping-length',
      `becomes "${generated.slice(0, 40)}..." of ${generated.length} characters; a URL mapping holds at most ${MAX_URL_MAPPING}`,
      `shorten it to ${MAX_URL_MAPPING - (generated.length - mapping.length)} characters`,
    );
  }
  const reserved = RESERVED_URL_PREFIXES.find((p) => `${mapping.toLowerCase()}/`.startsWith(`${p}/`));
  if (reserved) {
    return fail(
      'url-mapping-reserved',
      `starts with ${reserved}, which Switchyard reserves (${reserved === '/swy' ? 'for its runtime endpoints' : `the resource would answer at /services/apexrest${mapping}, a URL that reads like one of the platform's own`})`,
      `start it with your own prefix, such as "/acme${mapping.slice(reserved.length) || '/v1'}"`,
    );
  }
  return generated;
}

/** Two call-ins with one mapping: the platform refuses the second REST resource at deploy. */
export function checkUrlMappingsUnique(report: Report, mappings: { at: Literal; mapping: string }[]): void {
  const first = new Map<string, Literal>();
  for (const { at, mapping } of mappings) {
    const earlier = first.get(mapping);
    if (earlier) {
      report(
        at,
        'url-mapping-duplicate',
        `urlMapping resolves to "${mapping}", which another call-in already maps (${earlier.location.file}:${earlier.location.line})`,
        'give each remote-call-in operation its own URL mapping',
      );
    } else {
      first.set(mapping, at);
    }
  }
}
