package dev.parley.customers;

/**
 * Portal accounts as other modules see them: whose customer record a signed-in portal
 * account is, for modules that serve the portal's pages (tickets).
 */
public interface PortalAccounts {

	/**
	 * @param accountId the account of the signed-in customer
	 * ({@link dev.parley.platform.PortalCustomer#accountId()})
	 * @return his live customer record (the survivor after a merge)
	 * @throws dev.parley.platform.ApiException {@code not_found} for an account that is
	 * not verified or whose customer is gone
	 */
	long customerOf(long accountId);

}
