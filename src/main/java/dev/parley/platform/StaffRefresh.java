package dev.parley.platform;

/**
 * A hint to the staff consoles that something they show has changed and may be read
 * again, carrying no data: published on the {@link EventBus} (so every node hears it),
 * after the change committed, at most every few seconds per topic and node. The realtime
 * gateway passes it to each staff connection whose member holds the permission, as the
 * frame {@code {"type":"refresh","topic":...}} (docs/protocol.md).
 *
 * @param topic what changed, e.g. {@code tickets} (the ticket views' counts)
 * @param permission who is told: those who hold it
 */
public record StaffRefresh(String topic, Permission permission) {

	public StaffRefresh {
		if (topic == null || !topic.matches("[a-z][a-z_.]{0,39}")) {
			throw new IllegalArgumentException("a refresh topic is a short lower-case word: " + topic);
		}
		if (permission == null) {
			throw new IllegalArgumentException("a refresh names the permission of those it is for");
		}
	}

}
