/**
 * Starts Debian's Chromium (headless, through playwright-core) on a page served from 127.0.0.1
 * only: the bundle from ./bundle.ts, an empty stage and, optionally, the SLDS style sheet. Every
 * other request is refused, so nothing leaves the machine.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { bundlePage, type Mode } from "./bundle";

/** Where Debian's `chromium` package installs the browser; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const SLDS_CSS = path.resolve(
  __dirname,
  "../../../node_modules/@salesforce-ux/design-system/assets/styles/salesforce-lightning-design-system.min.css"
);

export function chromiumMissing(): string | undefined {
  if (fs.existsSync(CHROMIUM_PATH)) return undefined;
  return `no Chromium at ${CHROMIUM_PATH} (install Debian's: apt-get install -y chromium, or set CHROMIUM_PATH)`;
}

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
  const files: Record<string, { type: string; body: () => Buffer | string }> = {
    "/": { type: "text/html", body: () => html },
    "/page.js": { type: "text/javascript", body: () => script },
    "/slds.css": { type: "text/css", body: () => fs.readFileSync(SLDS_CSS) }
  };
  const server = http.createServer((request, response) => {
    const file =
      files[new URL(request.url ?? "/", "http://127.0.0.1").pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, {
        "content-type": file.type,
        "cache-control": "no-store"
      })
      .end(file.body());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 30_000,
    // Running as root (CI containers) needs --no-sandbox; the page is this project's own code.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
  });
  const page = await browser.newPage();
  // tsx compiles the driver with esbuild's keepNames, which wraps named functions in `__name(...)`;
  // functions passed to page.evaluate carry that call into the page.
  await page.addInitScript("globalThis.__name = (fn) => fn;");
  page.setDefaultTimeout(10_000);
  await page.route("**/*", (route) =>
    route.request().url().startsWith(`${origin}/`)
      ? route.continue()
      : route.abort("blockedbyclient")
  );
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });

  const reload = async (): Promise<void> => {
    errors.length = 0;
    await page.goto(`${origin}/`, { waitUntil: "load" });
    await page.waitForFunction(() => "swy" in window);
  };
  await reload();
  return {
    browser,
    page,
    reload,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      if (errors.length > 0)
        throw new Error(`the page reported errors:\n${errors.join("\n")}`);
    }
  };
}
