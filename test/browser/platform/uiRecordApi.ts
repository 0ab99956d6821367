/**
 * Stand-in for `lightning/uiRecordApi` in the browser bundle: `getRecord` is a wire adapter the
 * test feeds record data through (as LDS would, possibly late), and `notifyRecordUpdateAvailable`
 * only counts its calls.
 */
import type { FieldId, RecordRepresentation } from "lightning/uiRecordApi";

type DataCallback = (value: {
  data?: RecordRepresentation;
  error?: unknown;
}) => void;

const connected = new Set<GetRecordAdapter>();

/** Every call of notifyRecordUpdateAvailable, with its record ids. */
export const notifications: string[][] = [];

class GetRecordAdapter {
  constructor(private readonly callback: DataCallback) {}

  connect(): void {
    connected.add(this);
  }

  update(): void {}

  disconnect(): void {
    connected.delete(this);
  }

  emit(data: RecordRepresentation): void {
    this.callback({ data, error: undefined });
  }
}

export const getRecord = GetRecordAdapter;

/** Delivers record data to every connected getRecord wire, as LDS does when a fetch answers. */
export function emitRecord(data: RecordRepresentation): void {
  for (const adapter of connected) adapter.emit(data);
}

export function getFieldValue(
  record: RecordRepresentation,
  field: FieldId | string
): unknown {
  const name =
    typeof field === "string"
      ? field.slice(field.indexOf(".") + 1)
      : field.fieldApiName;
  return record.fields[name]?.value;
}

export function notifyRecordUpdateAvailable(
  records: readonly { recordId: string }[]
): Promise<void> {
  notifications.push(records.map((record) => record.recordId));
  return Promise.resolve();
}
