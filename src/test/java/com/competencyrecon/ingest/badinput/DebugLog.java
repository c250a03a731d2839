package com.competencyrecon.ingest.badinput;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Every logger at DEBUG, and each event as the text it carries (message, arguments, MDC, exceptions), until closed. */
final class DebugLog implements AutoCloseable {

    /** An address of the domains the corpus uses ({@code .example}, {@code .test}). */
    static final Pattern EMAIL = Pattern.compile("@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.(example|test)\\b");

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Map<Logger, Level> levels = new HashMap<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private DebugLog() {
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                levels.put(logger, logger.getLevel());
                logger.setLevel(Level.DEBUG);
            }
        }
        root.setLevel(Level.DEBUG);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    static DebugLog everything() {
        return new DebugLog();
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                text.append(' ').append(Arrays.deepToString(event.getArgumentArray()));
            }
            text.append(' ').append(event.getMDCPropertyMap());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(text.toString());
        }
        return lines;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        levels.forEach(Logger::setLevel);
    }
}
