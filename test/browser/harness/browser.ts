/**
 * Starts Debian's Chromium (headless, through playwright-core) on a page served from 127.0.0.1
 * only: the bundle from ./bundle.ts, an empty stage and, optionally, the SLDS style sheet. Every
 * other request is refused, so nothing leaves the machine. The server and the browser setup are
 * the preview's (ts-src/preview/server.ts, chromium.ts).
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  launchChromium,
  openOriginPage
} from "../../../ts-src/preview/chromium";
import { serveStatic } from "../../../ts-src/preview/server";
import { bundlePage, type Mode } from "./bundle";

export {
  CHROMIUM_PATH,
  chromiumMissing
} from "../../../ts-src/preview/chromium";

const SLDS_CSS = path.resolve(
  __dirname,
  "../../../node_modules/@salesforce-ux/design-system/assets/styles/salesforce-lightning-design-system.min.css"
);

export interface BrowserSession {
  browser: Browser;
  page: Page;
  /** Loads the page again: a fresh engine, empApi and LDS. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowser(options: {
  mode: Mode;
  slds?: boolean;
}): Promise<BrowserSession> {
  const script = await bundlePage({ mode: options.mode });
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Switchyard components</title>',
    options.slds ? '<link rel="stylesheet" href="/slds.css">' : "",
    '</head><body><main id="stage"></main><script src="/page.js"></script></body></html>'
  ].join("");
  const server = await serveStatic({
    "/": { type: "text/html", body: () => html },
    "/page.js": { type: "text/javascript", body: () => script },
    "/slds.css": { type: "text/css", body: () => fs.readFileSync(SLDS_CSS) }
  });
  const browser = await launchChromium();
  const { page, errors } = await openOriginPage(browser, server.origin);

  const reload = async (): Promise<void> => {
    errors.length = 0;
    await page.goto(`${server.origin}/`, { waitUntil: "load" });
    await page.waitForFunction(() => "swy" in window);
  };
  await reload();
  return {
    browser,
    page,
    reload,
    async close() {
      await browser.close();
      await server.close();
      if (errors.length > 0)
        throw new Error(`the page reported errors:\n${errors.join("\n")}`);
    }
  };
}
