/**
 * @description Applies the deferred writes of request-reply calls (error-log rows, breaker answers)
 * in a transaction of their own, after the calls that published them. Runtime, not generated: one
 * trigger for every operation.
 * @see SwyDeferredWrites
 */
trigger SwyIntegrationOutcomeTrigger on Integration_Outcome__e(after insert) {
  SwyDeferredWrites.handle(Trigger.new);
}
