package com.competencyrecon.notify;

import com.competencyrecon.alerts.AlertState;
import com.competencyrecon.alerts.Alerts;
import com.competencyrecon.system.ParameterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** At a night's end, tells people when it failed or raised alerts (see {@link NightNotice#ended}). */
@Component
public class NightEndNotifier implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(NightEndNotifier.class);

    private final Alerts alerts;
    private final Notifications notifications;

    public NightEndNotifier(Alerts alerts, Notifications notifications) {
        this.alerts = alerts;
        this.notifications = notifications;
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            LocalDate date = LocalDate.parse(execution.getJobParameters().getString(ParameterNames.BUSINESS_DATE));
            String status = execution.getStatus().name();
            int raised = "COMPLETED".equals(status) ? raisedOn(date) : 0;
            notifications.send(NightNotice.ended(date, execution.getId(), status, description(execution), raised));
        } catch (RuntimeException e) {
            log.warn("No notice could be made of the run {}: {}", execution.getId(),
                    Notifications.withoutAddresses(e));
        }
    }

    private int raisedOn(LocalDate date) {
        return (int) alerts.shownOn(date).stream().filter(a -> a.state() == AlertState.NEW).count();
    }

    private static String description(JobExecution execution) {
        String described = execution.getAllFailureExceptions().stream().map(NightEndNotifier::rootMessage).distinct()
                .reduce((a, b) -> a + "; " + b).orElse(execution.getExitStatus().getExitDescription());
        return described == null ? "" : described.lines().findFirst().orElse("");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
