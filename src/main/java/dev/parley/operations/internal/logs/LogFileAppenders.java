package dev.parley.operations.internal.logs;

import java.nio.file.Path;
import java.util.Optional;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Adds the log files to the logging Spring Boot has just set up (console as before): one
 * rolling file of ECS JSON lines per {@link LogType}, each behind an asynchronous
 * appender so that no request waits for a disk write. The access, security and slow-query
 * loggers write only to their own files. Runs right after Spring Boot's logging listener,
 * so the start-up lines are in the files too; registered in
 * {@code META-INF/spring.factories}. Deleting old files is {@link LogRetention}'s, not
 * Logback's (one budget across all types, testable with a clock).
 */
class LogFileAppenders implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String PREFIX = "PARLEY_LOG_";

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
				|| context.getLogger(Logger.ROOT_LOGGER_NAME)
					.getAppender(PREFIX + LogType.APPLICATION.name()) != null) {
			return;
		}
		Binder binder = Binder.get(environment);
		LogsProperties properties = binder.bindOrCreate("parley.logs", LogsProperties.class);
		Path dataDir = Path.of(environment.getProperty("parley.data-dir", "./data"));
		Path directory = properties.directory(dataDir);
		for (LogType type : LogType.values()) {
			AsyncAppender appender = asynchronous(context, type, file(context, type, directory, properties));
			if (type.logger() == null) {
				context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
			}
			else {
				Logger logger = context.getLogger(type.logger());
				logger.setAdditive(false);
				// INFO whatever the root's level, unless set
				// (logging.level.parley.access=off)
				if (!environment.containsProperty("logging.level." + type.logger())) {
					logger.setLevel(ch.qos.logback.classic.Level.INFO);
				}
				logger.addAppender(appender);
			}
		}
	}

	/**
	 * @return where the files are being written, as installed when logging was set up (in
	 * a JVM that runs several applications, by the first)
	 */
	static Optional<Path> installedDirectory() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
				&& context.getLogger(Logger.ROOT_LOGGER_NAME)
					.getAppender(PREFIX + LogType.APPLICATION.name()) instanceof AsyncAppender async
				&& async
					.getAppender(PREFIX + LogType.APPLICATION.name() + "_FILE") instanceof RollingFileAppender<?> file
				&& file.getFile() != null) {
			return Optional.of(Path.of(file.getFile()).toAbsolutePath().getParent());
		}
		return Optional.empty();
	}

	private static RollingFileAppender<ILoggingEvent> file(LoggerContext context, LogType type, Path directory,
			LogsProperties properties) {
		RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
		file.setContext(context);
		file.setName(PREFIX + type.name() + "_FILE");
		file.setFile(directory.resolve(type.id() + ".json").toString());
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("ecs");
		encoder.start();
		file.setEncoder(encoder);
		SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
		rolling.setContext(context);
		rolling.setParent(file);
		rolling.setFileNamePattern(directory.resolve(type.id() + ".%d{yyyy-MM-dd,UTC}.%i.json").toString());
		rolling.setMaxFileSize(new FileSize(properties.maxFileSize().toBytes()));
		// 0: Logback keeps every file; LogRetention deletes by age and total size
		rolling.setMaxHistory(0);
		rolling.start();
		file.setRollingPolicy(rolling);
		file.start();
		return file;
	}

	private static AsyncAppender asynchronous(LoggerContext context, LogType type,
			RollingFileAppender<ILoggingEvent> file) {
		AsyncAppender appender = new AsyncAppender();
		appender.setContext(context);
		appender.setName(PREFIX + type.name());
		appender.setQueueSize(8192);
		// never drop a line for being INFO; wait rather than lose security lines
		appender.setDiscardingThreshold(0);
		appender.setNeverBlock(type == LogType.ACCESS);
		appender.addAppender(file);
		appender.start();
		return appender;
	}

}
