/**
 * Drives the preview page in Chromium through its panel, as a person would: fill an event's form,
 * publish one or a burst, break and restore the connection; and reads a component's landmarks
 * (card title, connection badge, status, history rows). Used by the browser test and the README
 * screenshot script.
 */
import type { Page } from 'playwright-core';

/** The page section of one generated record page (`Order_Record_Page`). */
export function section(page: Page, recordPage: string) {
  return page.locator(`[data-page="${recordPage}"]`);
}

/** Sets the fields of an event's form, then publishes one event, or `burst` events. */
export async function publish(
  page: Page,
  recordPage: string,
  event: string,
  values: Readonly<Record<string, string>>,
  burst?: number,
): Promise<void> {
  const form = section(page, recordPage).locator(`[data-event="${event}"]`);
  for (const [field, value] of Object.entries(values)) await form.locator(`[data-field="${field}"]`).fill(value);
  if (burst === undefined) {
    await form.locator('[data-action="publish"]').click();
    return;
  }
  await form.locator('input[name="burstCount"]').fill(String(burst));
  await form.locator('[data-action="burst"]').click();
}

export async function connection(page: Page, action: 'break' | 'restore' | 'remount'): Promise<void> {
  await page.locator(`[data-action="${action}"]`).click();
}

/** What a live-status component shows, read through its shadow root (lightning-card's title, a badge, rows). */
export interface Landmarks {
  title: string;
  connection: string;
  status: string;
  /** Each history row's status badge, newest first. */
  rows: string[];
  /** Each row's whole text ("Packed Dec 1, 10:00:00 AM 300 updates"). */
  texts: string[];
}

/** Reads the landmarks of the component `tag` in a record page's sidebar. */
export function landmarks(page: Page, tag: string): Promise<Landmarks> {
  return page.evaluate((tagName) => {
    const root = document.querySelector(tagName)?.shadowRoot;
    if (!root) return { title: '', connection: '', status: '', rows: [], texts: [] };
    const badge = root.querySelector('[data-id="connection"]') as (HTMLElement & { label?: string }) | null;
    const title = root.querySelector('lightning-card')?.shadowRoot?.querySelector('.slds-card__header-title');
    return {
      title: (title?.textContent ?? '').trim(),
      connection: badge?.label ?? '',
      status: root.querySelector('[data-id="status"]')?.textContent ?? '',
      rows: Array.from(root.querySelectorAll('[data-id="timeline"] li .slds-badge')).map(
        (badge) => badge.textContent ?? '',
      ),
      texts: Array.from(root.querySelectorAll('[data-id="timeline"] li')).map((row) =>
        Array.from(row.childNodes)
          .map((node) => (node.textContent ?? '').trim())
          .filter(Boolean)
          .join(' '),
      ),
    };
  }, tag);
}

/** Polls the landmarks until `predicate` holds; fails with what was shown after `timeoutMs`. */
export async function waitForLandmarks(
  page: Page,
  tag: string,
  predicate: (shown: Landmarks) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<Landmarks> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await landmarks(page, tag);
    if (predicate(shown)) return shown;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; shown: ${JSON.stringify(shown)}`);
    await page.waitForTimeout(50);
  }
}
