/** The components the preview mounts, generated per project by ts-src/preview/index.ts. */
declare module 'swy:preview-components' {
  import type { LightningElement } from 'lwc';

  /** Custom element name (`c-order-status-tracker`) -> component class. */
  export const components: Record<string, typeof LightningElement>;
}
