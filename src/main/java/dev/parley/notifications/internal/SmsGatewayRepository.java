package dev.parley.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.parley.platform.SecretBox;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one row of {@code sms_gateway}; secret header and parameter values are sealed with
 * the {@link SecretBox} before they are stored.
 */
@Repository
class SmsGatewayRepository {

	private static final String COLUMNS = "enabled, preset, url, http_method, headers, parameters, content_type, "
			+ "body_template, sender, success_pointer, success_value, success_substring, message_id_pointer, "
			+ "timeout_seconds, allow_private_network";

	private static final TypeReference<List<SmsGateway.Entry>> ENTRIES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	SmsGatewayRepository(JdbcClient jdbc, SecretBox secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	/** The gateway as stored (V17_1 made the row: nothing set up). */
	SmsGateway load() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM sms_gateway WHERE id = 1")
			.query(this::map)
			.optional()
			.orElseGet(SmsGateway::none);
	}

	/** Stores the whole gateway (secret values as given: sealed here). */
	void save(SmsGateway gateway, String actor) {
		Object[] values = { gateway.enabled(), gateway.preset(), gateway.url(), gateway.method().name(),
				entries(gateway.headers()), entries(gateway.parameters()), gateway.contentType().name(),
				gateway.bodyTemplate(), gateway.sender(), gateway.successPointer(), gateway.successValue(),
				gateway.successSubstring(), gateway.messageIdPointer(), gateway.timeoutSeconds(),
				gateway.allowPrivateNetwork(), this.clock.millis(), actor };
		this.jdbc
			.sql("UPDATE sms_gateway SET enabled = ?, preset = ?, url = ?, http_method = ?, headers = ?, "
					+ "parameters = ?, content_type = ?, body_template = ?, sender = ?, success_pointer = ?, "
					+ "success_value = ?, success_substring = ?, message_id_pointer = ?, timeout_seconds = ?, "
					+ "allow_private_network = ?, updated_at = ?, updated_by = ? WHERE id = 1")
			.params(values)
			.update();
	}

	private String entries(List<SmsGateway.Entry> entries) {
		List<SmsGateway.Entry> sealed = new ArrayList<>();
		for (SmsGateway.Entry entry : entries) {
			sealed.add(entry.secret() ? new SmsGateway.Entry(entry.name(), this.secrets.seal(entry.value()), true)
					: entry);
		}
		return this.json.writeValueAsString(sealed);
	}

	private List<SmsGateway.Entry> entries(String stored) {
		List<SmsGateway.Entry> opened = new ArrayList<>();
		for (SmsGateway.Entry entry : this.json.readValue(stored, ENTRIES)) {
			opened.add(entry.secret() ? new SmsGateway.Entry(entry.name(), openOrEmpty(entry.value()), true) : entry);
		}
		return opened;
	}

	private SmsGateway map(ResultSet rs, int row) throws SQLException {
		return new SmsGateway(rs.getBoolean(1), rs.getString(2), rs.getString(3), SmsMethod.of(rs.getString(4)),
				entries(rs.getString(5)), entries(rs.getString(6)), SmsContentType.valueOf(rs.getString(7)),
				rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
				rs.getString(13), rs.getInt(14), rs.getBoolean(15));
	}

	/**
	 * A secret that cannot be opened (the secret key changed or was lost) reads as empty:
	 * the gateway refuses it and the administrator enters it again; nothing else breaks.
	 */
	private String openOrEmpty(String sealed) {
		try {
			return this.secrets.open(sealed);
		}
		catch (IllegalStateException ex) {
			org.slf4j.LoggerFactory.getLogger(SmsGatewayRepository.class)
				.warn("A stored SMS gateway secret cannot be decrypted with this parley.secret-key; enter it again");
			return "";
		}
	}

}
