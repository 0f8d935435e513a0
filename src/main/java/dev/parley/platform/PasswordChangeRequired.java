package dev.parley.platform;

/**
 * Implemented by a principal that must change its password before it may do anything else
 * (expired or reset by an administrator).
 */
public interface PasswordChangeRequired {

	boolean passwordChangeRequired();

}
