package dev.parley.platform;

/**
 * Implemented by a principal that must enrol a second factor before it may do anything
 * else (its role requires two-factor sign-in and it has none yet).
 */
public interface TwoFactorEnrolmentRequired {

	boolean twoFactorEnrolmentRequired();

}
