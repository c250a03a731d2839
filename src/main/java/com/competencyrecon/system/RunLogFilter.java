package com.competencyrecon.system;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/** Lets into a run's log file only the lines written while a run ran: the others have no run to go to. */
public class RunLogFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return event.getMDCPropertyMap().containsKey(RunLogContext.RUN) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
