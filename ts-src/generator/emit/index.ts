/**
 * All emitters, composed. Each is a pure function of the validated model.
 */
import type { Model } from '../model/types';
import type { GeneratedFile } from './types';
import { emitMetadata } from './metadata';
import { emitApex } from './apex';
import { emitLwc } from './lwc';

export function emitAll(model: Model): GeneratedFile[] {
  return [...emitMetadata(model), ...emitApex(model), ...emitLwc(model)];
}
