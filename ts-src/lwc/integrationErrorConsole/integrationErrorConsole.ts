/**
 * The dead-letter console: recent Integration_Error_Log__c rows (filtered by integration and
 * status), reprocess and resolve actions, failure rate per integration, and live counts of log
 * changes and alerts from the page's shared event stream. The table is not reloaded under the
 * admin's cursor when events arrive; a "Refresh" button says how many changes are waiting.
 */
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getRecentLogs from '@salesforce/apex/SwyErrorConsoleController.getRecentLogs';
import getFailureRates from '@salesforce/apex/SwyErrorConsoleController.getFailureRates';
import reprocess from '@salesforce/apex/SwyErrorConsoleController.reprocess';
import resolve from '@salesforce/apex/SwyErrorConsoleController.resolve';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { openStream } from 'c/eventStream';
import type { ConnectionState, StreamHandle } from 'c/eventStream';
import type { IntegrationErrorLogRecord } from '../generated/platformEvents';

const ALL = '';
const MAX_ROWS = 200;
const STATUSES: NonNullable<IntegrationErrorLogRecord['Status__c']>[] = [
  'New',
  'Retrying',
  'Failed',
  'Resolved',
  'Reprocessed',
];
/** Alerts kept on screen, newest first. */
const ALERT_LIMIT = 5;

interface Option {
  label: string;
  value: string;
}

interface RateRow {
  integration: string;
  failed: number;
  total: number;
  percent: string;
  /** Red when the rate is at or over the alert threshold. */
  rateClass: string;
}

interface AlertRow {
  key: string;
  text: string;
}

interface RowActionEvent extends CustomEvent<{ action: { name: string }; row: IntegrationErrorLogRecord }> {}

const COLUMNS = [
  { label: 'Log', fieldName: 'Name', type: 'text' },
  { label: 'Integration', fieldName: 'Integration__c', type: 'text' },
  { label: 'Operation', fieldName: 'Operation__c', type: 'text' },
  { label: 'Status', fieldName: 'Status__c', type: 'text' },
  { label: 'Category', fieldName: 'Error_Category__c', type: 'text' },
  { label: 'Attempts', fieldName: 'Attempts__c', type: 'number' },
  { label: 'Error', fieldName: 'Error_Message__c', type: 'text', wrapText: false },
  {
    label: 'Last attempt',
    fieldName: 'Last_Attempt_At__c',
    type: 'date',
    typeAttributes: { hour: '2-digit', minute: '2-digit' },
  },
  {
    type: 'action',
    typeAttributes: {
      rowActions: [
        { label: 'Reprocess', name: 'reprocess' },
        { label: 'Resolve', name: 'resolve' },
      ],
    },
  },
];

/** What each row action calls, and what to tell the admin when it changed nothing. */
const ROW_ACTIONS: Record<
  string,
  { call: (params: { logIds: string[] }) => Promise<number>; done: string; unchanged: string }
> = {
  reprocess: {
    call: reprocess,
    done: 'queued for reprocessing',
    // The controller leaves closed rows and rows of operations that cannot be resent alone.
    unchanged:
      'It is already resolved or reprocessed, or its operation cannot be resent (a failed publish, a request-reply): resolve it instead.',
  },
  resolve: { call: resolve, done: 'resolved', unchanged: 'It is already resolved or reprocessed.' },
};

function errorMessage(error: unknown): string {
  const body = (error as { body?: { message?: string } } | undefined)?.body;
  return body?.message ?? (error instanceof Error ? error.message : 'Unknown error');
}

export default class IntegrationErrorConsole extends LightningElement {
  /** Window of the failure-rate table; matches the monitoring declaration's window by default. */
  @api windowMinutes = 60;
  /** Failure rate, in percent, shown as over the threshold; matches the monitoring declaration by default. */
  @api thresholdPercent = 20;

  columns = COLUMNS;
  integration = ALL;
  status = ALL;
  logs: IntegrationErrorLogRecord[] = [];
  rates: RateRow[] = [];
  loadError = '';
  busy = false;
  connection: ConnectionState = 'connecting';
  changesByStatus: Record<string, number> = {};
  alerts: AlertRow[] = [];

  private wiredLogs: unknown;
  private wiredRates: unknown;
  private streams: StreamHandle[] = [];

  @wire(getRecentLogs, { integration: '$integration', status: '$status', maxRows: MAX_ROWS })
  receiveLogs(result: SwyApex.WireResult<IntegrationErrorLogRecord[]>): void {
    this.wiredLogs = result;
    if (result.data) {
      this.logs = result.data;
      this.loadError = '';
    } else if (result.error) {
      this.logs = [];
      this.loadError = errorMessage(result.error);
    }
  }

  @wire(getFailureRates, { windowMinutes: '$windowMinutes' })
  receiveRates(result: SwyApex.WireResult<SwyApex.FailureRate[]>): void {
    this.wiredRates = result;
    if (result.data) {
      this.rates = result.data.map((rate) => ({
        integration: rate.integration,
        failed: rate.failed,
        total: rate.total,
        percent: `${(rate.rate * 100).toFixed(1)} %`,
        rateClass: rate.rate * 100 >= this.thresholdPercent ? 'slds-text-color_error' : '',
      }));
    }
  }

  connectedCallback(): void {
    this.streams = [
      openStream('/event/Integration_Log_Event__e', {
        onMessage: ({ payload }) => {
          const status = payload.Status__c ?? 'Unknown';
          this.changesByStatus = {
            ...this.changesByStatus,
            [status]: (this.changesByStatus[status] ?? 0) + (payload.Count__c ?? 1),
          };
        },
        onStateChange: (state) => {
          this.connection = state;
        },
      }),
      openStream('/event/Integration_Alert__e', {
        onMessage: ({ replayId, payload }) => {
          const rate =
            payload.Failure_Rate__c === null || payload.Failure_Rate__c === undefined
              ? ''
              : ` (${(payload.Failure_Rate__c * 100).toFixed(1)} % failed)`;
          const text = `${payload.Integration__c}${rate}: ${payload.Message__c ?? 'failure rate over the threshold'}`;
          this.alerts = [{ key: String(replayId), text }, ...this.alerts].slice(0, ALERT_LIMIT);
        },
      }),
    ];
  }

  disconnectedCallback(): void {
    for (const stream of this.streams) stream.close();
    this.streams = [];
  }

  get integrationOptions(): Option[] {
    const names = [...new Set(this.rates.map((rate) => rate.integration))].sort();
    return [{ label: 'All integrations', value: ALL }, ...names.map((name) => ({ label: name, value: name }))];
  }

  get statusOptions(): Option[] {
    return [{ label: 'All statuses', value: ALL }, ...STATUSES.map((status) => ({ label: status, value: status }))];
  }

  get hasLogs(): boolean {
    return this.logs.length > 0;
  }

  get hasRates(): boolean {
    return this.rates.length > 0;
  }

  get hasAlerts(): boolean {
    return this.alerts.length > 0;
  }

  get liveCounts(): { status: string; label: string }[] {
    return Object.keys(this.changesByStatus)
      .sort()
      .map((status) => ({ status, label: `${status}: ${this.changesByStatus[status]}` }));
  }

  get pendingChanges(): number {
    return Object.values(this.changesByStatus).reduce((sum, count) => sum + count, 0);
  }

  get refreshLabel(): string {
    return this.pendingChanges > 0 ? `Refresh (${this.pendingChanges} new)` : 'Refresh';
  }

  get connectionLabel(): string {
    return this.connection === 'live'
      ? 'Live'
      : this.connection === 'unavailable'
        ? 'Live counts unavailable'
        : 'Connecting';
  }

  handleIntegrationChange(event: CustomEvent<{ value: string }>): void {
    this.integration = event.detail.value;
  }

  handleStatusChange(event: CustomEvent<{ value: string }>): void {
    this.status = event.detail.value;
  }

  async handleRefresh(): Promise<void> {
    this.changesByStatus = {};
    await Promise.all([refreshApex(this.wiredLogs), refreshApex(this.wiredRates)]);
  }

  async handleRowAction(event: RowActionEvent): Promise<void> {
    const { action, row } = event.detail;
    const outcome = ROW_ACTIONS[action.name];
    if (!outcome) return;
    this.busy = true;
    try {
      const changed = await outcome.call({ logIds: [row.Id] });
      const name = row.Name ?? 'Log';
      if (changed > 0) this.toast('success', `${name} ${outcome.done}`, '');
      else this.toast('warning', `${name} was not changed`, outcome.unchanged);
      await this.handleRefresh();
    } catch (error) {
      this.toast('error', `Could not update ${row.Name ?? 'the log'}`, errorMessage(error));
    } finally {
      this.busy = false;
    }
  }

  private toast(variant: 'success' | 'warning' | 'error', title: string, message: string): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
