package dev.parley.customers.internal.portal;

import java.time.Instant;

/**
 * A customer's portal account.
 *
 * @param email the address he signs in with (opened from its sealed form)
 * @param customerId his customer record; null until the address is verified
 * @param verifiedAt when the address was verified; null until then
 * @param name the name given at registration
 * @param sessionVersion raised by a password change or reset, ending older sessions
 */
public record PortalAccount(long id, String email, String emailIndex, String passwordHash, Long customerId,
		Instant verifiedAt, String name, String language, int sessionVersion) {

	public boolean verified() {
		return this.verifiedAt != null;
	}

}
