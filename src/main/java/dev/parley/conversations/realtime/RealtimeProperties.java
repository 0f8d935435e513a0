package dev.parley.conversations.realtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the realtime gateway.
 *
 * @param idleTimeout a connection silent for longer is closed (clients ping every 25 s)
 * @param maxFrameBytes the largest frame accepted; bigger ones get a {@code too_large}
 * error, whatever their size (the connection stays open)
 * @param maxFramesPerSecond frames one connection may send per second
 */
@ConfigurationProperties("parley.realtime")
record RealtimeProperties(@DefaultValue("70s") Duration idleTimeout, @DefaultValue("16KB") DataSize maxFrameBytes,
		@DefaultValue("30") int maxFramesPerSecond) {
}
