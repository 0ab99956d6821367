/// <reference path="../../../ts-src/lwc/types/empApi.d.ts" />
/// <reference path="../../../ts-src/lwc/types/uiRecordApi.d.ts" />
/** What the page script (page.ts) offers the test driver, as `window.swy`. */
import type { RecordRepresentation } from "lightning/uiRecordApi";
import type { FakeEmpApi } from "../../../ts-src/lwc/test-support/fakeEmpApi";

export interface SwyPage {
  /** `tracker`: the deployed orderStatusTracker; `naive`: the benchmark's per-event baseline. */
  mount(component: "tracker" | "naive", recordId: string): HTMLElement;
  /** The shipped liveRecordFeed with the design attributes a generated record page sets. */
  mountFeed(attributes: Record<string, string>, recordId: string): HTMLElement;
  unmountAll(): void;
  bus: FakeEmpApi;
  subscribeCalls: [string, number][];
  emitRecord(data: RecordRepresentation): void;
  notifications: string[][];
  /** Resolves in the next animation frame. */
  nextFrame(): Promise<void>;
}
