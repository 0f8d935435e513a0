package dev.parley.platform;

/**
 * Who a signed-in staff member is, as the security layer sees them: implemented by the
 * principal of the identity module, read by {@link StaffActor}.
 */
public interface StaffIdentity {

	long id();

	String username();

	String displayName();

}
