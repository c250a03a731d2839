package com.competencyrecon.plan.internal;

import com.competencyrecon.alerts.AlertState;
import com.competencyrecon.alerts.Alerts;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.Organizations;
import com.competencyrecon.evaluation.Results;
import com.competencyrecon.system.ReconMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * On an incremental night, carries every organisation the plan does not mark forward from the previous night:
 * its results are the previous night's, and its alerts that held then hold tonight (and are counted as open
 * in the metrics, as a full night would count them). A page of organisations per
 * transaction, the last one done kept in the step's context for a restart. A full night carries nothing.
 */
public class CarryForwardTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CarryForwardTasklet.class);
    static final String AFTER = "carry.after";

    private final PlannedScope scope;
    private final Organizations organizations;
    private final Results results;
    private final Alerts alerts;
    private final ReconMetrics metrics;
    private final int page;

    public CarryForwardTasklet(PlannedScope scope, Organizations organizations, Results results, Alerts alerts,
                               ReconMetrics metrics, int page) {
        this.metrics = metrics;
        this.scope = scope;
        this.organizations = organizations;
        this.results = results;
        this.alerts = alerts;
        this.page = page;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!scope.incremental()) {
            return RepeatStatus.FINISHED;
        }
        ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        List<OrgRow> next = organizations.after(context.getString(AFTER, ""), page);
        if (next.isEmpty()) {
            log.info("Night {}: {} organisations carried forward from {}", scope.plan().date(),
                    contribution.getStepExecution().getWriteCount(), scope.plan().previous());
            return RepeatStatus.FINISHED;
        }
        List<String> unchanged = new ArrayList<>(next.stream().map(OrgRow::orgId).toList());
        unchanged.removeAll(scope.markedAmong(unchanged));
        results.carryForward(scope.plan().previous(), scope.plan().date(), unchanged);
        alerts.carryForward(scope.plan().previous(), scope.plan().date(), unchanged)
                .forEach((type, n) -> metrics.alerts(type.name(), AlertState.OPEN.name(), n));
        contribution.incrementReadCount();
        contribution.incrementWriteCount(unchanged.size());
        context.putString(AFTER, next.get(next.size() - 1).orgId());
        return RepeatStatus.CONTINUABLE;
    }
}
