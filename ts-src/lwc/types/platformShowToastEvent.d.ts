/**
 * `lightning/platformShowToastEvent`: a toast in Lightning Experience.
 * https://developer.salesforce.com/docs/platform/lwc/guide/use-toast.html
 */
declare module 'lightning/platformShowToastEvent' {
  export interface ShowToastEventInit {
    title: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
  }

  export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
    constructor(init: ShowToastEventInit);
  }
}
