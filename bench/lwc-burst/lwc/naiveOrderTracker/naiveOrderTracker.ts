/// <reference path="../../../../ts-src/lwc/types/empApi.d.ts" />
/**
 * Baseline for the burst benchmark, never deployed: the `orderTracker` from the seed article
 * (../shared/seeds/001_95a7845aee3bd99a.txt) re-typed. It subscribes from the tip, never
 * unsubscribes, and writes the DOM once per event. The seed read `New_Status__c`, a field
 * `Order_Status_Update__e` does not have (the generated payload types would reject it); the
 * baseline reads `Status__c` so that both trackers do the same work.
 */
import { LightningElement, api } from 'lwc';
import { subscribe } from 'lightning/empApi';
import type { EmpMessage, EmpSubscription } from 'lightning/empApi';

interface StatusPayload {
  Order_Id__c: string;
  Status__c: string;
}

export default class NaiveOrderTracker extends LightningElement {
  @api recordId?: string;

  channelName = '/event/Order_Status_Update__e';
  subscription: EmpSubscription | null | undefined;

  connectedCallback(): void {
    this.subscribeToChannel();
  }

  subscribeToChannel(): void {
    const messageCallback = (response: EmpMessage<StatusPayload>) => {
      const event = response.data.payload;
      this.updateOrderStatus(event.Order_Id__c, event.Status__c);
    };
    subscribe<StatusPayload>(this.channelName, -1, messageCallback).then((response) => {
      this.subscription = response;
    });
  }

  updateOrderStatus(orderId: string, newStatus: string): void {
    const statusBadge = this.template?.querySelector(`[data-order-id="${orderId}"]`);
    if (statusBadge) {
      statusBadge.textContent = newStatus;
      statusBadge.className = `status-badge status-${newStatus.toLowerCase()}`;
    }
  }
}
