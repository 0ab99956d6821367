/**
 * The shipped liveRecordFeed in Chromium, configured by the design attributes a generated record
 * page sets (here for a custom object's events): the compiled component from force-app on the real
 * LWC engine with the real lightning-card and lightning-badge, and the empApi stand-in. Run with
 * `npm run test:browser` after `npm run build`. Skips, saying why, only where no Chromium is installed.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import type { Page } from "playwright-core";
import {
  chromiumMissing,
  openBrowser,
  type BrowserSession
} from "./harness/browser";
import type { SwyPage } from "./platform/api";

// Any declared channel: the component shows whatever fields its attributes name.
const CHANNEL = "/event/Order_Confirmed__e";
const RECORD_ID = "a015g00000AbCdEAAV";
const ATTRIBUTES = {
  channel: CHANNEL,
  recordIdField: "Order_Id__c",
  fields: JSON.stringify([
    { name: "Order_Number__c", label: "Number", kind: "text" },
    { name: "Total_Amount__c", label: "Total", kind: "number" }
  ]),
  statusField: "Currency__c",
  cardTitle: "Confirmations"
};
const missing = chromiumMissing();
if (missing) console.log(`# browser tests skipped: ${missing}`);

interface Shown {
  title: string;
  connection: string;
  status: string;
  numbers: string[];
}

function read(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const root = document.querySelector("c-live-record-feed")!.shadowRoot!;
    const badge = root.querySelector(
      '[data-id="connection"]'
    ) as HTMLElement & { label: string };
    const card = root.querySelector("lightning-card") as HTMLElement & {
      title: string;
    };
    return {
      title: card.title,
      connection: badge.label,
      status: root.querySelector('[data-id="status"]')?.textContent ?? "",
      numbers: Array.from(
        root.querySelectorAll(
          '[data-id="history"] [data-field="Order_Number__c"]'
        ),
        (cell) => (cell.textContent ?? "").trim()
      )
    };
  });
}

async function waitFor(
  page: Page,
  predicate: (shown: Shown) => boolean,
  what: string
): Promise<Shown> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const shown = await read(page);
    if (predicate(shown)) return shown;
    if (Date.now() > deadline)
      assert.fail(
        `timed out waiting for ${what}; shown: ${JSON.stringify(shown)}`
      );
    await page.waitForTimeout(50);
  }
}

describe(
  "liveRecordFeed in Chromium",
  { skip: missing, timeout: 120_000 },
  () => {
    let session: BrowserSession;

    before(async () => {
      session = await openBrowser({ mode: "development" });
    });
    beforeEach(async () => {
      await session.reload();
    });
    after(async () => {
      await session?.close();
    });

    it("shows a burst for its record only, newest first, bounded, through a reconnect", async () => {
      const { page } = session;
      await page.evaluate(
        ({ attributes, recordId }) =>
          (window as unknown as { swy: SwyPage }).swy.mountFeed(
            attributes,
            recordId
          ),
        { attributes: ATTRIBUTES, recordId: RECORD_ID }
      );
      await waitFor(
        page,
        (s) => s.connection === "Live",
        "the feed to be live"
      );

      await page.evaluate(
        ({ channel, recordId }) => {
          const { bus } = (window as unknown as { swy: SwyPage }).swy;
          for (let i = 1; i <= 1000; i++) {
            bus.publish(channel, {
              Order_Id__c: i % 2 === 0 ? recordId : "a015g00000ZzZzZAAV",
              Order_Number__c: `N-${i}`,
              Total_Amount__c: i,
              Currency__c: i % 2 === 0 ? "EUR" : "USD",
              CreatedDate: new Date().toISOString()
            });
            if (i === 500) bus.raiseError();
          }
        },
        { channel: CHANNEL, recordId: RECORD_ID }
      );
      const shown = await waitFor(
        page,
        (s) => s.connection === "Live" && s.numbers[0] === "N-1000",
        "the newest event of the record"
      );

      assert.equal(shown.title, "Confirmations");
      assert.equal(
        shown.status,
        "EUR",
        "the other record's events (USD) are not this record's status"
      );
      assert.equal(shown.numbers.length, 25);
      assert.deepEqual(shown.numbers.slice(0, 3), ["N-1000", "N-998", "N-996"]);
      assert.equal(new Set(shown.numbers).size, 25, "no event shown twice");
    });
  }
);
