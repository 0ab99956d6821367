import { createElement } from 'lwc';
import IntegrationErrorConsole from 'c/integrationErrorConsole';
import getRecentLogs from '@salesforce/apex/SwyErrorConsoleController.getRecentLogs';
import getFailureRates from '@salesforce/apex/SwyErrorConsoleController.getFailureRates';
import reprocess from '@salesforce/apex/SwyErrorConsoleController.reprocess';
import resolve from '@salesforce/apex/SwyErrorConsoleController.resolve';
import { refreshApex } from '@salesforce/apex';
import * as empApi from '../../test-support/empApi';
import { settle, testAdapter } from '../../test-support/wire';
import type { IntegrationErrorLogRecord } from '../../generated/platformEvents';

jest.mock(
  '@salesforce/apex/SwyErrorConsoleController.getRecentLogs',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);
jest.mock(
  '@salesforce/apex/SwyErrorConsoleController.getFailureRates',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);
jest.mock('@salesforce/apex/SwyErrorConsoleController.reprocess', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SwyErrorConsoleController.resolve', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const FAILED_LOG: IntegrationErrorLogRecord = {
  Id: 'a015g00000AbCdEAAV',
  Name: 'ERR-0000042',
  Integration__c: 'ERP_API',
  Operation__c: 'SendOrderToErp',
  Status__c: 'Failed',
  Error_Category__c: 'Permanent',
  Attempts__c: 5,
  Error_Message__c: 'HTTP 422: unknown SKU',
  Last_Attempt_At__c: '2026-03-12T10:00:00.000Z',
};

interface ToastDetail {
  title: string;
  message: string;
  variant: string;
}

function createConsole(): HTMLElement {
  const element = createElement('c-integration-error-console', { is: IntegrationErrorConsole });
  document.body.appendChild(element);
  return element;
}

function shown(element: HTMLElement, dataId: string): (HTMLElement & Record<string, unknown>) | null {
  return element.shadowRoot!.querySelector(`[data-id="${dataId}"]`);
}

function rowAction(element: HTMLElement, name: string, row: IntegrationErrorLogRecord): void {
  shown(element, 'logs')!.dispatchEvent(new CustomEvent('rowaction', { detail: { action: { name }, row } }));
}

function recordToasts(element: HTMLElement): ToastDetail[] {
  const toasts: ToastDetail[] = [];
  element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent<ToastDetail>).detail));
  return toasts;
}

describe('c-integration-error-console', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    empApi.resetEmpApi();
    jest.clearAllMocks();
  });

  it('lists the recent log rows', async () => {
    const element = createConsole();
    testAdapter(getRecentLogs).emit([FAILED_LOG]);
    await settle();

    expect(shown(element, 'logs')!.data).toEqual([FAILED_LOG]);
  });

  it('asks Apex for the rows of the chosen status', async () => {
    const element = createConsole();
    await settle();

    shown(element, 'status-filter')!.dispatchEvent(new CustomEvent('change', { detail: { value: 'Failed' } }));
    await settle();

    expect(testAdapter(getRecentLogs).getLastConfig()).toEqual({ integration: '', status: 'Failed', maxRows: 200 });
  });

  it('offers the integrations it has failure rates for as a filter', async () => {
    const element = createConsole();
    testAdapter(getFailureRates).emit([{ integration: 'ERP_API', total: 40, failed: 10, rate: 0.25 }]);
    await settle();

    const options = shown(element, 'integration-filter')!.options as { value: string }[];
    expect(options.map((option) => option.value)).toEqual(['', 'ERP_API']);
  });

  it('shows the failure rate per integration', async () => {
    const element = createConsole();
    testAdapter(getFailureRates).emit([{ integration: 'ERP_API', total: 40, failed: 10, rate: 0.25 }]);
    await settle();

    const cells = Array.from(shown(element, 'rates')!.querySelectorAll('tbody td'), (cell) => cell.textContent);
    expect(cells).toEqual(['10', '40', '25.0 %']);
  });

  it('reprocesses a row through Apex and refreshes the rows and rates', async () => {
    (reprocess as jest.Mock).mockResolvedValue(1);
    const element = createConsole();
    testAdapter(getRecentLogs).emit([FAILED_LOG]);
    await settle();

    rowAction(element, 'reprocess', FAILED_LOG);
    await settle();

    expect(reprocess).toHaveBeenCalledWith({ logIds: [FAILED_LOG.Id] });
    expect(refreshApex).toHaveBeenCalledTimes(2);
  });

  it('confirms a reprocess with a success toast', async () => {
    (reprocess as jest.Mock).mockResolvedValue(1);
    const element = createConsole();
    const toasts = recordToasts(element);
    testAdapter(getRecentLogs).emit([FAILED_LOG]);
    await settle();

    rowAction(element, 'reprocess', FAILED_LOG);
    await settle();

    expect(toasts).toEqual([
      expect.objectContaining({ variant: 'success', title: 'ERR-0000042 queued for reprocessing' }),
    ]);
  });

  it('warns, and suggests resolving, when reprocess changed nothing', async () => {
    (reprocess as jest.Mock).mockResolvedValue(0);
    const element = createConsole();
    const toasts = recordToasts(element);
    testAdapter(getRecentLogs).emit([FAILED_LOG]);
    await settle();

    rowAction(element, 'reprocess', FAILED_LOG);
    await settle();

    expect(toasts).toEqual([
      expect.objectContaining({ variant: 'warning', message: expect.stringContaining('resolve it instead') }),
    ]);
  });

  it('resolves a row through Apex', async () => {
    (resolve as jest.Mock).mockResolvedValue(1);
    const element = createConsole();
    testAdapter(getRecentLogs).emit([FAILED_LOG]);
    await settle();

    rowAction(element, 'resolve', FAILED_LOG);
    await settle();

    expect(resolve).toHaveBeenCalledWith({ logIds: [FAILED_LOG.Id] });
  });

  it('reports a failed action with an error toast carrying the server message', async () => {
    (resolve as jest.Mock).mockRejectedValue({ body: { message: 'insufficient access rights on object id' } });
    const element = createConsole();
    const toasts = recordToasts(element);
    testAdapter(getRecentLogs).emit([FAILED_LOG]);
    await settle();

    rowAction(element, 'resolve', FAILED_LOG);
    await settle();

    expect(toasts).toEqual([
      expect.objectContaining({ variant: 'error', message: 'insufficient access rights on object id' }),
    ]);
  });

  it('counts log changes live from the log event channel', async () => {
    const element = createConsole();
    await settle();

    empApi.publish('/event/Integration_Log_Event__e', { Integration__c: 'ERP_API', Status__c: 'Failed', Count__c: 3 });
    empApi.publish('/event/Integration_Log_Event__e', { Integration__c: 'ERP_API', Status__c: 'Failed', Count__c: 2 });
    await settle();

    const labels = Array.from(
      shown(element, 'live-counts')!.querySelectorAll('lightning-badge'),
      (badge) => (badge as HTMLElement & { label: string }).label,
    );
    expect(labels).toEqual(['Failed: 5']);
  });

  it('shows an alert raised on the alert channel', async () => {
    const element = createConsole();
    await settle();

    empApi.publish('/event/Integration_Alert__e', {
      Integration__c: 'ERP_API',
      Failure_Rate__c: 0.35,
      Message__c: 'failure rate over 20 %',
    });
    await settle();

    expect(shown(element, 'alerts')!.textContent).toBe('ERP_API (35.0 % failed): failure rate over 20 %');
  });

  it('is accessible with rows, rates, counts and an alert', async () => {
    const element = createConsole();
    testAdapter(getRecentLogs).emit([FAILED_LOG]);
    testAdapter(getFailureRates).emit([{ integration: 'ERP_API', total: 40, failed: 10, rate: 0.25 }]);
    await settle();
    empApi.publish('/event/Integration_Log_Event__e', { Status__c: 'Failed', Count__c: 1 });
    empApi.publish('/event/Integration_Alert__e', { Integration__c: 'ERP_API', Failure_Rate__c: 0.35 });
    await settle();

    await expect(element).toBeAccessible();
  });
});
