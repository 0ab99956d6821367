/**
 * The browser page's script: synthetic shadow first (as Lightning Experience loads it), then the
 * engine, the compiled components and the stand-ins, reachable from the test driver as
 * `window.swy` (see SwyPage).
 */
import "@lwc/synthetic-shadow";
import { createElement, type LightningElement } from "lwc";
import OrderStatusTracker from "c/orderStatusTracker";
import LiveRecordFeed from "c/liveRecordFeed";
import NaiveOrderTracker from "c/naiveOrderTracker";
import { bus, subscribeCalls } from "../../../ts-src/preview/platform/empApi";
import {
  emitRecord,
  notifications
} from "../../../ts-src/preview/platform/uiRecordApi";
import type { SwyPage } from "./api";

const COMPONENTS: Record<
  "tracker" | "naive",
  { tag: string; is: typeof LightningElement }
> = {
  tracker: { tag: "c-order-status-tracker", is: OrderStatusTracker },
  naive: { tag: "c-naive-order-tracker", is: NaiveOrderTracker }
};

const swy: SwyPage = {
  mount(component, recordId) {
    const { tag, is } = COMPONENTS[component];
    const element = createElement(tag, { is }) as HTMLElement & {
      recordId: string;
    };
    element.recordId = recordId;
    document.getElementById("stage")!.appendChild(element);
    return element;
  },
  mountFeed(attributes, recordId) {
    const element = createElement("c-live-record-feed", {
      is: LiveRecordFeed
    }) as HTMLElement & { recordId: string };
    Object.assign(element, attributes);
    element.recordId = recordId;
    document.getElementById("stage")!.appendChild(element);
    return element;
  },
  unmountAll() {
    document.getElementById("stage")!.replaceChildren();
  },
  bus,
  subscribeCalls,
  emitRecord,
  notifications,
  nextFrame() {
    return new Promise((resolve) => requestAnimationFrame(() => resolve()));
  }
};

(window as unknown as { swy: SwyPage }).swy = swy;
