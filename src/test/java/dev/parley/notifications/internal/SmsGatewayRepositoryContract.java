package dev.parley.notifications.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMS gateway's row on every supported database: created off by the migration, stored
 * and read back verbatim (long templates, Chinese, quotes), secrets sealed in the row and
 * opened on reading.
 */
@Transactional
abstract class SmsGatewayRepositoryContract {

	@Autowired
	SmsGatewayRepository gateways;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theMigrationCreatesTheGatewaySwitchedOff() {
		SmsGateway gateway = this.gateways.load();
		assertThat(gateway.enabled()).isFalse();
		assertThat(gateway.configured()).isFalse();
		assertThat(gateway.method()).isEqualTo(SmsMethod.POST);
		assertThat(gateway.headers()).isEmpty();
		assertThat(gateway.timeoutSeconds()).isEqualTo(10);
		assertThat(gateway.allowPrivateNetwork()).isFalse();
	}

	@Test
	void storesEveryFieldVerbatimAndSealsTheSecrets() {
		String template = "{\"text\":\"{{text}}\",\"note\":\"短信 «x» 'q' \\\\ %\"}" + " ".repeat(3900);
		SmsGateway gateway = new SmsGateway(true, "vonage", "https://rest.nexmo.com/sms/json?x={{apiKey}}",
				SmsMethod.PUT,
				List.of(new SmsGateway.Entry("Authorization", "Bearer top-secret", true),
						new SmsGateway.Entry("X-Tenant", "acme", false)),
				List.of(new SmsGateway.Entry("apiKey", "k1", false), new SmsGateway.Entry("apiSecret", "s3cr3t", true)),
				SmsContentType.JSON, template, "Parley", "/messages/0/status", "0", "OK", "/messages/0/message-id", 60,
				true);

		this.gateways.save(gateway, "admin");

		assertThat(this.gateways.load()).isEqualTo(gateway);
		String row = this.jdbc.sql("SELECT headers, parameters FROM sms_gateway WHERE id = 1")
			.query((rs, n) -> rs.getString(1) + rs.getString(2))
			.single();
		assertThat(row).doesNotContain("top-secret", "s3cr3t").contains("sealed:", "acme", "k1");
	}

}
