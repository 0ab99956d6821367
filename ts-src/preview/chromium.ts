/**
 * Debian's Chromium, headless, through playwright-core, on pages of one 127.0.0.1 origin: every
 * request to anywhere else is refused, so nothing leaves the machine. Shared by the preview's
 * screenshot script and the browser tests.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian's `chromium` package installs the browser; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why Chromium cannot run here, or undefined when it can. */
export function chromiumMissing(): string | undefined {
  if (fs.existsSync(CHROMIUM_PATH)) return undefined;
  return `no Chromium at ${CHROMIUM_PATH} (install Debian's: apt-get install -y chromium, or set CHROMIUM_PATH)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 30_000,
    // Running as root (CI containers) needs --no-sandbox; the pages are this project's own code.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

export interface OriginPage {
  page: Page;
  /** Errors the page reported (uncaught exceptions, console.error) since the last clear. */
  errors: string[];
}

/** A new page that may load only `origin`, collecting what the page reports as errors. */
export async function openOriginPage(
  browser: Browser,
  origin: string,
  viewport?: { width: number; height: number },
): Promise<OriginPage> {
  const page = await browser.newPage(viewport ? { viewport } : {});
  // tsx compiles the driver with esbuild's keepNames, which wraps named functions in `__name(...)`;
  // functions passed to page.evaluate carry that call into the page.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  page.setDefaultTimeout(10_000);
  await page.route('**/*', (route) =>
    route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient'),
  );
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, errors };
}
