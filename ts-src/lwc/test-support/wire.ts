/**
 * The test wire adapters that sfdx-lwc-jest substitutes for LDS and Apex adapters, typed for the
 * tests (the component typings describe the real adapters, which have no `emit`).
 */
export interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}

export function testAdapter(adapter: unknown): TestWireAdapter {
  return adapter as TestWireAdapter;
}

/** Lets pending promise callbacks, the next animation frame and the re-render they cause run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
