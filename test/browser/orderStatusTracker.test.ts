/**
 * The order status tracker in Chromium: the compiled component from force-app on the real LWC
 * engine (synthetic shadow) with the real lightning-card and lightning-badge, and stand-ins for
 * empApi and LDS (./platform). Run with `npm run test:browser` after `npm run build`.
 * Skips, saying why, only where no Chromium is installed.
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

const CHANNEL = "/event/Order_Status_Update__e";
const ORDER_ID = "8015g00000AbCdEAAV";
const missing = chromiumMissing();
if (missing) console.log(`# browser tests skipped: ${missing}`);

/** The tracker's visible state, read in the page. */
interface Shown {
  connection: string;
  status: string;
  rows: string[];
  times: string[];
  /** Row text, which counts the events of a run ("2 updates"). */
  texts: string[];
}

function read(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const root = document.querySelector("c-order-status-tracker")!.shadowRoot!;
    const badge = root.querySelector(
      '[data-id="connection"]'
    ) as HTMLElement & { label: string };
    const rows = Array.from(root.querySelectorAll('[data-id="timeline"] li'));
    return {
      connection: badge.label,
      status: root.querySelector('[data-id="status"]')!.textContent ?? "",
      rows: rows.map(
        (row) => row.querySelector(".slds-badge")!.textContent ?? ""
      ),
      times: rows.map(
        (row) => row.querySelector("time")!.getAttribute("datetime") ?? ""
      ),
      texts: rows.map((row) => row.textContent ?? "")
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

async function mountTracker(page: Page): Promise<void> {
  await page.evaluate(
    (orderId) =>
      (window as unknown as { swy: SwyPage }).swy.mount("tracker", orderId),
    ORDER_ID
  );
  await waitFor(
    page,
    (shown) => shown.connection === "Live",
    "the tracker to be live"
  );
}

describe(
  "orderStatusTracker in Chromium",
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

    it("reconnect: an error before the first event loses none published during the outage, shows none twice", async () => {
      const { page } = session;
      await mountTracker(page);

      const published = await page.evaluate(
        ({ channel, orderId }) => {
          const { bus } = (window as unknown as { swy: SwyPage }).swy;
          bus.raiseError();
          const statuses = [
            "Received",
            "On_Hold",
            "Released",
            "Picking",
            "Packed",
            "Shipped",
            "In_Transit",
            "Delivered"
          ];
          return statuses.map((status, i) => {
            const changedAt = new Date(Date.now() + i * 1000).toISOString();
            bus.publish(channel, {
              Order_Id__c: orderId,
              Status__c: status,
              Changed_At__c: changedAt,
              CreatedDate: changedAt
            });
            return changedAt;
          });
        },
        { channel: CHANNEL, orderId: ORDER_ID }
      );
      const shown = await waitFor(
        page,
        (s) => s.connection === "Live" && s.rows.length >= 8,
        "the replayed events"
      );
      // A moment more, for anything that would arrive twice.
      await page.waitForTimeout(300);
      const settled = await read(page);

      assert.deepEqual(
        settled.times,
        [...published].reverse(),
        "every event of the outage, newest first"
      );
      assert.deepEqual(
        settled.texts.filter((text) => text.includes("updates")),
        [],
        "an event counted twice"
      );
      assert.equal(shown.status, "Delivered");
      const calls = await page.evaluate(
        () => (window as unknown as { swy: SwyPage }).swy.subscribeCalls
      );
      assert.deepEqual(calls, [
        [CHANNEL, -1],
        [CHANNEL, -2]
      ]);
    });

    it("burst: 2,000 events over 20 frames patch the rows in place and notify LDS at most twice", async () => {
      const { page } = session;
      await mountTracker(page);

      const rowsCreated = await page.evaluate(
        async ({ channel, orderId }) => {
          const { bus, nextFrame } = (window as unknown as { swy: SwyPage })
            .swy;
          const statuses = [
            "Received",
            "Picking",
            "Packed",
            "Shipped",
            "Delivered"
          ];
          let created = 0;
          const count = (records: MutationRecord[]) => {
            for (const record of records) {
              created += Array.from(record.addedNodes).filter(
                (node) => node.nodeName === "LI"
              ).length;
            }
          };
          const observer = new MutationObserver(count);
          const root = document.querySelector(
            "c-order-status-tracker"
          )!.shadowRoot!;
          observer.observe(root as unknown as Node, {
            subtree: true,
            childList: true
          });
          for (let frame = 0; frame < 20; frame++) {
            for (let i = frame * 100; i < (frame + 1) * 100; i++) {
              const changedAt = new Date(
                Date.UTC(2026, 2, 12, 10, 0, 0, i)
              ).toISOString();
              bus.publish(channel, {
                Order_Id__c: orderId,
                Status__c: statuses[Math.floor(i / 400)],
                Changed_At__c: changedAt,
                CreatedDate: new Date().toISOString()
              });
            }
            await nextFrame();
            await nextFrame();
          }
          count(observer.takeRecords());
          observer.disconnect();
          return created;
        },
        { channel: CHANNEL, orderId: ORDER_ID }
      );
      const shown = await waitFor(
        page,
        (s) => s.status === "Delivered",
        "the last status"
      );
      // The burst is over after a second without events: the second, last notification.
      await page.waitForTimeout(1500);
      const notifications = await page.evaluate(
        () => (window as unknown as { swy: SwyPage }).swy.notifications
      );

      assert.deepEqual(shown.rows, [
        "Delivered",
        "Shipped",
        "Packed",
        "Picking",
        "Received"
      ]);
      assert.equal(
        rowsCreated,
        5,
        "one row per status: the frames patch rows instead of re-creating them"
      );
      assert.ok(
        notifications.length >= 1 && notifications.length <= 2,
        `${notifications.length} LDS notifications`
      );
      assert.deepEqual(notifications[0], [ORDER_ID]);
    });

    it("stale data: record data older than the live status does not overwrite it, newer data does", async () => {
      const { page } = session;
      await mountTracker(page);
      const record = (status: string, changedAt: string) => ({
        id: ORDER_ID,
        apiName: "Order",
        fields: {
          Fulfilment_Status__c: { value: status, displayValue: status },
          Fulfilment_Status_Changed_At__c: {
            value: changedAt,
            displayValue: changedAt
          }
        }
      });

      await page.evaluate(
        ({ channel, orderId }) =>
          (window as unknown as { swy: SwyPage }).swy.bus.publish(channel, {
            Order_Id__c: orderId,
            Status__c: "Shipped",
            Changed_At__c: "2026-03-12T10:05:00.000Z",
            CreatedDate: "2026-03-12T10:05:01.000Z"
          }),
        { channel: CHANNEL, orderId: ORDER_ID }
      );
      await waitFor(page, (s) => s.status === "Shipped", "the live status");
      await page.evaluate(
        (data) => (window as unknown as { swy: SwyPage }).swy.emitRecord(data),
        record("Picking", "2026-03-12T10:01:00.000Z")
      );
      await page.evaluate(() =>
        (window as unknown as { swy: SwyPage }).swy.nextFrame()
      );
      assert.equal(
        (await read(page)).status,
        "Shipped",
        "older record data overwrote the live status"
      );

      await page.evaluate(
        (data) => (window as unknown as { swy: SwyPage }).swy.emitRecord(data),
        record("Delivered", "2026-03-12T10:30:00.000Z")
      );
      await waitFor(
        page,
        (s) => s.status === "Delivered",
        "the newer stored status"
      );
    });
  }
);
