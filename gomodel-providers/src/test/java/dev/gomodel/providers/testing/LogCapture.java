package dev.gomodel.providers.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Captures every record the library logs, at every level, while open: the library logs through
 * {@link System.Logger}, which the JDK backs with java.util.logging when nothing else is set.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("dev.gomodel");
    private final Level previousLevel = logger.getLevel();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public LogCapture() {
        setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    public List<LogRecord> records() {
        return records;
    }

    /** Each record as it would be read: logger, level, formatted message and thrown exception chain. */
    public List<String> lines() {
        return records.stream().map(LogCapture::render).collect(Collectors.toList());
    }

    private static String render(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLoggerName()).append(' ').append(record.getLevel())
                .append(' ').append(new java.util.logging.SimpleFormatter().formatMessage(record));
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            line.append(" | ").append(t);
        }
        return line.toString();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
