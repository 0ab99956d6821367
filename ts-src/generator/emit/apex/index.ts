/**
 * Generated Apex, one module per integration pattern: request-reply (typed request/response and a
 * service with a fallback), fire-and-forget (operation settings with its route, an event trigger),
 * remote call-in (REST resource), batch sync and monitoring. ui-update needs no
 * Apex. Every class comes with its test class.
 */
import type { Model } from '../../model/types';
import type { GeneratedFile } from '../types';
import { emitBatchSync } from './batchSync';
import { emitChangeCapture } from './changeCapture';
import { emitFireAndForget } from './fireAndForget';
import { emitInboundEvents } from './inboundEvent';
import { emitMonitoring } from './monitoring';
import { emitRecordEvents } from './recordEvent';
import { emitPullSync } from './pullSync';
import { emitRemoteCallIn } from './remoteCallIn';
import { emitRequestReply } from './requestReply';

export function emitApex(model: Model): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const operation of model.operations) {
    if (operation.pattern === 'request-reply') files.push(...emitRequestReply(model, operation));
    if (operation.pattern === 'remote-call-in') files.push(...emitRemoteCallIn(model, operation));
    if (operation.pattern === 'batch-sync') files.push(...emitBatchSync(model, operation));
    if (operation.pattern === 'pull-sync') files.push(...emitPullSync(model, operation));
  }
  files.push(...emitFireAndForget(model));
  files.push(...emitRecordEvents(model));
  files.push(...emitInboundEvents(model));
  files.push(...emitChangeCapture(model));
  for (const monitor of model.monitoring) files.push(...emitMonitoring(monitor));
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
