package dev.parley.conversations.realtime;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the realtime gateway.
 *
 * @param idleTimeout a connection silent for longer is closed (clients ping every 25 s)
 * @param maxFrameBytes the largest frame accepted; bigger ones get a {@code too_large}
 * error, whatever their size (the connection stays open)
 * @param maxFramesPerSecond frames one connection may send per second
 * @param fanOutThreads threads that send live events to connections; each conversation's
 * events go through one of them, in order
 */
@ConfigurationProperties("parley.realtime")
@Validated
record RealtimeProperties(@DefaultValue("70s") Duration idleTimeout, @DefaultValue("16KB") DataSize maxFrameBytes,
		@DefaultValue("30") @Min(1) int maxFramesPerSecond, @DefaultValue("8") @Min(1) @Max(256) int fanOutThreads) {
}
