/**
 * The browser tests' page: the shared bundler (ts-src/preview/bundle.ts: force-app's compiled
 * components on the real LWC engine and base components, platform stand-ins) with the test page
 * script (../platform/page.ts) and the benchmark's naive tracker, which is never deployed.
 */
import path from "node:path";
import {
  bundlePage as bundle,
  type Mode
} from "../../../ts-src/preview/bundle";

export type { Mode } from "../../../ts-src/preview/bundle";

const ROOT = path.resolve(__dirname, "../../..");
const LWC_OUTPUT = path.join(ROOT, "force-app/main/default/lwc");

export interface BundleOptions {
  /** LWC's production mode is what Lightning Experience runs outside debug mode. */
  mode: Mode;
}

/** The page script: the entry (../platform/page.ts) and everything it reaches, as one IIFE. */
export function bundlePage(options: BundleOptions): Promise<string> {
  const components = [
    "eventStream",
    "liveRecordFeed",
    "orderStatusTracker"
  ].map((name) => ({
    name: `c/${name}`,
    path: path.join(LWC_OUTPUT, name, `${name}.js`)
  }));
  // The benchmark's baseline, never deployed: the seed's per-event tracker.
  const naive = {
    name: "c/naiveOrderTracker",
    path: path.join(
      ROOT,
      "bench/lwc-burst/lwc/naiveOrderTracker/naiveOrderTracker.ts"
    )
  };
  return bundle({
    mode: options.mode,
    entry: path.join(ROOT, "test/browser/platform/page.ts"),
    components: [...components, naive]
  });
}
