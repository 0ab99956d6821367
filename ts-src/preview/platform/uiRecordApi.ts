/**
 * Stand-in for `lightning/uiRecordApi` in the browser bundle: `getRecord` is a wire adapter the
 * test or the preview feeds record data through (as LDS would, possibly late), and
 * `notifyRecordUpdateAvailable` counts its calls and tells the listeners (the preview answers with
 * its record data, as LDS refetching the record would).
 */
import type { FieldId, RecordRepresentation } from 'lightning/uiRecordApi';

type DataCallback = (value: { data?: RecordRepresentation; error?: unknown }) => void;

const connected = new Set<GetRecordAdapter>();

/** Every call of notifyRecordUpdateAvailable, with its record ids. */
export const notifications: string[][] = [];

/** Called with the record ids of every notifyRecordUpdateAvailable call. */
export const notificationListeners = new Set<(recordIds: string[]) => void>();

class GetRecordAdapter {
  private recordId: string | undefined;

  constructor(private readonly callback: DataCallback) {}

  connect(): void {
    connected.add(this);
  }

  update(config: { recordId?: string }): void {
    this.recordId = config.recordId;
  }

  /** LDS answers a wire with the record it asked for. */
  wants(data: RecordRepresentation): boolean {
    return this.recordId === undefined || this.recordId === data.id;
  }

  disconnect(): void {
    connected.delete(this);
  }

  emit(data: RecordRepresentation): void {
    this.callback({ data, error: undefined });
  }
}

export const getRecord = GetRecordAdapter;

/** Delivers record data to every connected getRecord wire of that record, as LDS does when a fetch answers. */
export function emitRecord(data: RecordRepresentation): void {
  for (const adapter of connected) if (adapter.wants(data)) adapter.emit(data);
}

export function getFieldValue(record: RecordRepresentation, field: FieldId | string): unknown {
  const name = typeof field === 'string' ? field.slice(field.indexOf('.') + 1) : field.fieldApiName;
  return record.fields[name]?.value;
}

export function notifyRecordUpdateAvailable(records: readonly { recordId: string }[]): Promise<void> {
  const recordIds = records.map((record) => record.recordId);
  notifications.push(recordIds);
  for (const listener of notificationListeners) listener(recordIds);
  return Promise.resolve();
}
