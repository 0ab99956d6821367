/**
 * The user's Salesforce internationalization settings (not the browser's).
 * https://developer.salesforce.com/docs/platform/lwc/guide/create-i18n.html
 */
declare module '@salesforce/i18n/locale' {
  /** BCP 47 tag such as `en-US`. */
  const locale: string;
  export default locale;
}

declare module '@salesforce/i18n/timeZone' {
  /** IANA time zone such as `America/Los_Angeles`. */
  const timeZone: string;
  export default timeZone;
}
