package dev.parley.notifications.internal;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each kind of address is to a gateway: public providers stay reachable, private
 * networks need the administrator's consent, metadata and link-local never, however the
 * address is written.
 */
class GatewayAddressesTests {

	@ParameterizedTest
	@CsvSource({ "8.8.8.8, PUBLIC", "54.172.60.1, PUBLIC", "2001:4860:4860::8888, PUBLIC", "100.128.0.1, PUBLIC",
			"172.32.0.1, PUBLIC", "127.0.0.1, PRIVATE", "127.8.9.10, PRIVATE", "::1, PRIVATE", "10.0.0.1, PRIVATE",
			"172.16.0.1, PRIVATE", "172.31.255.254, PRIVATE", "192.168.0.1, PRIVATE", "fc00::1, PRIVATE",
			"fd12:3456::1, PRIVATE", "100.64.0.1, PRIVATE", "100.127.255.254, PRIVATE", "169.254.169.254, FORBIDDEN",
			"169.254.0.1, FORBIDDEN", "fe80::1, FORBIDDEN", "febf::1, FORBIDDEN", "fd00:ec2::254, FORBIDDEN",
			"100.100.100.200, FORBIDDEN", "0.0.0.0, FORBIDDEN", "0.1.2.3, FORBIDDEN", "::, FORBIDDEN",
			"224.0.0.1, FORBIDDEN", "239.255.255.250, FORBIDDEN", "ff02::1, FORBIDDEN", "255.255.255.255, FORBIDDEN",
			"240.0.0.1, FORBIDDEN", "::ffff:169.254.169.254, FORBIDDEN", "::169.254.169.254, FORBIDDEN",
			"64:ff9b::a9fe:a9fe, FORBIDDEN", "2002:a9fe:a9fe::1, FORBIDDEN", "::ffff:127.0.0.1, PRIVATE",
			"64:ff9b::808:808, PUBLIC" })
	void classifiesAddresses(String literal, GatewayAddresses.Kind kind) throws Exception {
		assertThat(GatewayAddresses.kind(InetAddress.getByName(literal))).isEqualTo(kind);
	}

}
