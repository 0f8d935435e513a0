package dev.parley.platform;

/**
 * Whether the install page has been completed. Until it has, console pages lead to
 * {@code /setup} and the API answers {@code not_installed}; afterwards {@code /setup} is
 * gone.
 */
public interface InstallationState {

	boolean isInstalled();

}
