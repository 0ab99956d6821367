/**
 * `preview` in Chromium: the preview server started as `npm run preview` starts it, its page
 * driven through the panel only (publish one event, a burst, break and restore the connection),
 * asserting on the tracker's DOM and on a screenshot of the record page (its landmarks are inside
 * it, visible, and the connection badge is green). Run with `npm run test:browser` after
 * `npm run build`. Skips, saying why, only where no Chromium is installed.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  chromiumMissing,
  launchChromium,
  openOriginPage
} from "../../ts-src/preview/chromium";
import {
  connection,
  landmarks,
  publish,
  section,
  waitForLandmarks
} from "../../ts-src/preview/driver";
import { startPreview, type Preview } from "../../ts-src/preview/index";
import type { PreviewWindow } from "../../ts-src/preview/page/page";

const ROOT = path.resolve(__dirname, "../..");
const PAGE = "Order_Record_Page";
const EVENT = "Order_Status_Update__e";
const TRACKER = "c-order-status-tracker";
const missing = chromiumMissing();
if (missing) console.log(`# preview browser tests skipped: ${missing}`);

function previewWindow(page: Page): Promise<{
  subscribes: number[];
  published: number;
  notifications: number;
}> {
  return page.evaluate(() => {
    const swy = (window as unknown as { swyPreview: PreviewWindow }).swyPreview;
    return {
      subscribes: swy.subscribeCalls.map(([, replayId]) => replayId),
      published: swy.published,
      notifications: swy.notifications.length
    };
  });
}

describe("preview in Chromium", { skip: missing, timeout: 150_000 }, () => {
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  before(async () => {
    preview = await startPreview({ projectRoot: ROOT, port: 0 });
    browser = await launchChromium();
    ({ page, errors } = await openOriginPage(
      browser,
      new URL(preview.url).origin,
      { width: 1280, height: 900 }
    ));
    await page.goto(preview.url, { waitUntil: "load" });
  });
  after(async () => {
    await browser?.close();
    await preview?.close();
    assert.deepEqual(errors ?? [], [], "the page reported errors");
  });

  it("serves on 127.0.0.1 the generated record page's component and forms built from the declarations", async () => {
    assert.match(preview.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.deepEqual(
      preview.description.pages.map((p) => [
        p.name,
        p.components.map((c) => c.tag)
      ]),
      [[PAGE, [TRACKER]]]
    );
    const declared = preview.description.pages[0].components[0].event.fields;
    const form = section(page, PAGE).locator(`[data-event="${EVENT}"]`);
    assert.deepEqual(
      await form
        .locator("[data-field]")
        .evaluateAll((inputs) =>
          inputs.map((input) => input.getAttribute("data-field"))
        ),
      declared.map((field) => field.name),
      "one input per declared payload field, in order"
    );
    assert.equal(
      await form.locator('[data-field="Changed_At__c"]').getAttribute("type"),
      "datetime-local"
    );
    assert.equal(
      await form.locator('[data-field="Order_Id__c"]').inputValue(),
      preview.description.pages[0].recordId,
      "the record id field is the page's record"
    );
    const record = section(page, PAGE).locator(`[data-record="${PAGE}"]`);
    assert.deepEqual(
      await record
        .locator('[data-field="Fulfilment_Status__c"] option')
        .allTextContents(),
      preview.description.pages[0].fields.find(
        (field) => field.name === "Fulfilment_Status__c"
      )!.values,
      "the picklist's declared values"
    );

    const shown = await waitForLandmarks(
      page,
      TRACKER,
      (s) => s.connection === "Live" && s.status === "Received",
      "the tracker, live, with the record's status"
    );
    assert.equal(shown.title, "Fulfilment status");
    assert.deepEqual(shown.rows, []);
  });

  it("publishes one event and a burst from the panel, and survives a broken connection", async () => {
    await publish(page, PAGE, EVENT, {
      Status__c: "Picking",
      Message__c: "Scanned"
    });
    let shown = await waitForLandmarks(
      page,
      TRACKER,
      (s) => s.status === "Picking",
      "the published status"
    );
    assert.equal(shown.rows.length, 1);

    await publish(page, PAGE, EVENT, { Status__c: "Packed" }, 300);
    shown = await waitForLandmarks(
      page,
      TRACKER,
      (s) => s.texts[0]?.includes("300 updates") ?? false,
      "the burst as one row"
    );
    assert.equal(shown.status, "Packed");

    await connection(page, "break");
    await waitForLandmarks(
      page,
      TRACKER,
      (s) => s.connection === "Reconnecting",
      "the broken connection"
    );
    await publish(page, PAGE, EVENT, {
      Status__c: "Shipped",
      Message__c: "During the outage"
    });
    await page.waitForTimeout(300);
    assert.equal(
      (await landmarks(page, TRACKER)).status,
      "Packed",
      "an event published while the connection is broken arrived"
    );
    await connection(page, "restore");
    shown = await waitForLandmarks(
      page,
      TRACKER,
      (s) => s.connection === "Live" && s.status === "Shipped",
      "the event of the outage after the reconnect",
      15_000
    );
    await page.waitForTimeout(300);
    shown = await landmarks(page, TRACKER);
    assert.deepEqual(
      shown.rows,
      ["Shipped", "Packed", "Picking"],
      "each event once, newest first"
    );
    assert.match(shown.texts[1], /300 updates/);
    const state = await previewWindow(page);
    assert.equal(state.published, 302);
    assert.equal(
      state.subscribes[0],
      -1,
      "the first subscription is from the tip"
    );
    assert.ok(
      state.subscribes.length >= 2 && state.subscribes.at(-1)! > 0,
      `re-subscribed after the last replay id: ${state.subscribes.join(", ")}`
    );
    assert.ok(state.notifications >= 1, "the tracker told LDS");
  });

  it("screenshot: the tracker's landmarks are visible in it and its connection badge is green", async () => {
    const area = section(page, PAGE);
    const png = await area.screenshot({ animations: "disabled" });
    const origin = (await area.boundingBox())!;
    const boxes: Record<
      string,
      { x: number; y: number; width: number; height: number }
    > = {};
    for (const [name, selector] of Object.entries({
      card: `${TRACKER} lightning-card`,
      title: `${TRACKER} .slds-card__header-title`,
      badge: `${TRACKER} [data-id="connection"]`,
      status: `${TRACKER} [data-id="status"]`,
      timeline: `${TRACKER} [data-id="timeline"]`
    })) {
      const box = await page.locator(selector).first().boundingBox();
      assert.ok(box && box.width > 4 && box.height > 4, `${name} is visible`);
      assert.ok(
        box.x >= origin.x &&
          box.y >= origin.y &&
          box.x + box.width <= origin.x + origin.width + 1 &&
          box.y + box.height <= origin.y + origin.height + 1,
        `${name} is inside the screenshot`
      );
      boxes[name] = {
        x: box.x - origin.x,
        y: box.y - origin.y,
        width: box.width,
        height: box.height
      };
    }
    // The screenshot's pixels, read back through a canvas in the page.
    const pixels = await page.evaluate(
      async ({ data, boxes }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext("2d")!;
        context.drawImage(image, 0, 0);
        const scale =
          image.width /
          document.querySelector("[data-page]")!.getBoundingClientRect().width;
        const colours = (box: {
          x: number;
          y: number;
          width: number;
          height: number;
        }) => {
          const { data: rgba } = context.getImageData(
            Math.round(box.x * scale),
            Math.round(box.y * scale),
            Math.max(1, Math.round(box.width * scale)),
            Math.max(1, Math.round(box.height * scale))
          );
          let green = 0;
          let dark = 0;
          const distinct = new Set<number>();
          for (let i = 0; i < rgba.length; i += 4) {
            const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
            distinct.add((r << 16) | (g << 8) | b);
            if (g > r + 40 && g > b + 20) green += 1;
            if (r + g + b < 200) dark += 1;
          }
          const total = rgba.length / 4;
          return {
            green: green / total,
            dark: dark / total,
            distinct: distinct.size
          };
        };
        return {
          width: image.width,
          height: image.height,
          whole: colours({
            x: 0,
            y: 0,
            width: image.width / scale,
            height: image.height / scale
          }),
          badge: colours(boxes.badge),
          title: colours(boxes.title),
          status: colours(boxes.status)
        };
      },
      { data: png.toString("base64"), boxes }
    );
    assert.ok(
      pixels.width >= 600 && pixels.height >= 300,
      `${pixels.width}x${pixels.height}`
    );
    assert.ok(
      pixels.whole.distinct > 50,
      `not blank: ${pixels.whole.distinct} colours`
    );
    assert.ok(
      pixels.badge.green > 0.5,
      `the Live badge is green (${pixels.badge.green})`
    );
    assert.ok(
      pixels.title.dark > 0.005,
      `the card title is drawn (${pixels.title.dark})`
    );
    assert.ok(
      pixels.status.dark > 0.005,
      `the status is drawn (${pixels.status.dark})`
    );
  });
});

describe("npm run preview (the CLI)", { timeout: 120_000 }, () => {
  it("prints {url} with --json, serves the page on 127.0.0.1 and stops on SIGINT with exit code 0", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "ts-src/preview/cli.ts", "--json", "--port", "0"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] }
    );
    const exited = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => resolve(code))
    );
    try {
      const [line] = (await once(
        createInterface({ input: child.stdout! }),
        "line"
      )) as [string];
      const { url } = JSON.parse(line) as { url: string };
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const html = await (await fetch(url)).text();
      assert.match(
        html,
        /id="swy-preview-description">\{"pages":\[\{"name":"Order_Record_Page"/
      );
      const script = await fetch(new URL("preview.js", url));
      assert.equal(script.status, 200);
      assert.ok((await script.text()).length > 100_000, "the bundle is served");
      assert.equal(
        (await fetch(new URL("assets/../package.json", url))).status,
        404
      );
    } finally {
      child.kill("SIGINT");
    }
    assert.equal(await exited, 0);
  });
});
