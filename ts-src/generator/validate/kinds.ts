/**
 * Which field kinds a value of one kind may be written to: a call-in's request property, an inbound
 * event's field or a pulled record's property, written to a field of the object (the runtime
 * converts the value). One table for every pattern that writes records from outside.
 */
const ASSIGNABLE: Readonly<Record<string, readonly string[]>> = {
  Text: ['Text', 'TextArea', 'LongTextArea', 'Email', 'Url', 'Picklist'],
  TextArea: ['TextArea', 'LongTextArea'],
  LongTextArea: ['LongTextArea'],
  Email: ['Email', 'Text', 'TextArea', 'LongTextArea'],
  Url: ['Url', 'Text', 'TextArea', 'LongTextArea'],
  Picklist: ['Picklist', 'Text', 'TextArea', 'LongTextArea'],
  Number: ['Number'],
  Checkbox: ['Checkbox'],
  Date: ['Date'],
  DateTime: ['DateTime'],
};

/** Whether a value of kind `from` may be written to a field of kind `to`. */
export const canWrite = (from: string, to: string): boolean => (ASSIGNABLE[from] ?? []).includes(to);

/** The kinds a value of kind `from` may be written to, for a fix ("Text or TextArea"); `from` when unknown. */
export const writableKinds = (from: string): string => ASSIGNABLE[from]?.join(' or ') ?? from;
