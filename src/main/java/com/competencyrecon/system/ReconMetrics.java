package com.competencyrecon.system;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The product's own metrics, beside Spring Batch's: records per feed and outcome, rejects by feed and reason,
 * alerts by type and state. Counts are added only when the transaction that stored them commits, so a
 * rolled-back chunk counts nothing.
 */
@Component
public class ReconMetrics {

    private final MeterRegistry registry;

    public ReconMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void records(String feed, String outcome, long count) {
        afterCommit(() -> registry.counter("recon.feed.records", "feed", feed, "outcome", outcome).increment(count));
    }

    public void reject(String feed, String reason) {
        afterCommit(() -> registry.counter("recon.rejects", "feed", feed, "reason", reason).increment());
    }

    public void alert(String type, String state) {
        alerts(type, state, 1);
    }

    public void alerts(String type, String state, long count) {
        afterCommit(() -> registry.counter("recon.alerts", "type", type, "state", state).increment(count));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
