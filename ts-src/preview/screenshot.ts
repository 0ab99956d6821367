/**
 * `npm run preview:screenshot`: the README's picture of the example's order tracker in the
 * preview (docs/preview-order-tracker.png). Starts the preview, publishes a few status changes and
 * a burst from the panel in headless Chromium, and captures the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, openOriginPage } from './chromium';
import { publish, section, waitForLandmarks } from './driver';
import { startPreview } from './index';

const ROOT = path.resolve(__dirname, '../..');
const OUTPUT = path.join(ROOT, 'docs/preview-order-tracker.png');
const PAGE = 'Order_Record_Page';
const EVENT = 'Order_Status_Update__e';
const TRACKER = 'c-order-status-tracker';

async function main(): Promise<void> {
  const preview = await startPreview({ projectRoot: ROOT, port: 0 });
  const browser = await launchChromium();
  try {
    const { page, errors } = await openOriginPage(browser, new URL(preview.url).origin, { width: 1280, height: 900 });
    await page.goto(preview.url, { waitUntil: 'load' });
    await waitForLandmarks(page, TRACKER, (shown) => shown.connection === 'Live', 'the tracker to be live');
    const steps: [string, string, number?][] = [
      ['Released', 'Released to the warehouse'],
      ['Picking', 'Scanned by handheld 7', 120],
      ['Packed', 'Packed in 2 parcels'],
    ];
    for (const [status, message, burst] of steps) {
      await publish(page, PAGE, EVENT, { Status__c: status, Message__c: message, Source_System__c: 'WMS' }, burst);
      await waitForLandmarks(page, TRACKER, (shown) => shown.status === status, status);
    }
    if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
    await page.screenshot({ path: OUTPUT, fullPage: true, animations: 'disabled' });
    console.log(`preview: wrote ${path.relative(ROOT, OUTPUT)} (${fs.statSync(OUTPUT).size} bytes)`);
  } finally {
    await browser.close();
    await preview.close();
  }
}

main().catch((error: unknown) => {
  console.error(`preview:screenshot: ${(error as Error).message}`);
  process.exit(1);
});
