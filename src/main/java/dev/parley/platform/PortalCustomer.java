package dev.parley.platform;

import java.io.Serializable;
import java.security.Principal;

/**
 * A customer signed in to the portal: the principal of the portal's security chain, never
 * of the console's.
 *
 * @param accountId the portal account
 * @param sessionVersion the account's session version when he signed in; a password reset
 * raises it and so ends older sessions
 */
public record PortalCustomer(long accountId, int sessionVersion) implements Principal, Serializable {

	@Override
	public String getName() {
		return "portal:" + this.accountId;
	}

}
