package dev.parley.customers.internal.portal;

import java.util.List;
import java.util.Optional;

import dev.parley.platform.PortalAuthentication;
import dev.parley.platform.PortalCustomer;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who a portal session belongs to: a verified account whose session version has not moved
 * on since the sign-in (a password change or reset ends older sessions).
 */
@Component
public class PortalSessions implements PortalAuthentication {

	private final PortalAccountRepository accounts;

	PortalSessions(PortalAccountRepository accounts) {
		this.accounts = accounts;
	}

	/** The authentication a sign-in stores in the session. */
	public Authentication authenticationFor(long accountId) {
		PortalAccount account = this.accounts.findById(accountId).orElseThrow();
		return authentication(new PortalCustomer(account.id(), account.sessionVersion()));
	}

	@Override
	public Optional<Authentication> refresh(Authentication sessionAuthentication) {
		if (!(sessionAuthentication.getPrincipal() instanceof PortalCustomer customer)) {
			return Optional.empty();
		}
		return this.accounts.findById(customer.accountId())
			.filter(PortalAccount::verified)
			.filter((account) -> account.sessionVersion() == customer.sessionVersion())
			.map((account) -> sessionAuthentication);
	}

	private static Authentication authentication(PortalCustomer customer) {
		return UsernamePasswordAuthenticationToken.authenticated(customer, null,
				List.of(new SimpleGrantedAuthority(AUTHORITY)));
	}

}
