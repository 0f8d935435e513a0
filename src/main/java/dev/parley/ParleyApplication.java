package dev.parley;

import dev.parley.operations.RestoreCommand;
import dev.parley.platform.PersonalDataCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Parley, an online customer service platform. One application, started on its embedded
 * default (H2 under {@code ./data}) or, configured by properties alone, as one node of a
 * cluster.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParleyApplication {

	/**
	 * Tomcat gives every WebSocket three buffers of this size (frames in, frames out,
	 * text encoding), read once when its WebSocket classes load; 8 KB by default. Chat
	 * frames are a few hundred bytes and longer ones pass in parts, so 4 KB saves 12 KB
	 * per open socket (R7: many idle widget connections per node). A {@code -D} setting
	 * wins.
	 */
	static final String WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	static {
		if (System.getProperty(WEBSOCKET_BUFFER) == null) {
			System.setProperty(WEBSOCKET_BUFFER, "4096");
		}
	}

	/**
	 * Starts Parley, or with {@code restore FILE ...} restores a backup while it is
	 * stopped (docs/backup.md), or with {@code rotate-personal-data} re-encrypts personal
	 * data under the current key (docs/customers.md).
	 */
	public static void main(String[] args) {
		if (RestoreCommand.isRestore(args)) {
			System.exit(RestoreCommand.run(args, System.out));
		}
		if (PersonalDataCommand.isRotation(args)) {
			System.exit(PersonalDataCommand.run(args, System.out));
		}
		SpringApplication.run(ParleyApplication.class, args);
	}

}
