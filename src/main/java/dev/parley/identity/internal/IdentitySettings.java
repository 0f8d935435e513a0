package dev.parley.identity.internal;

import java.time.Duration;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.administration.Settings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The password policy and sign-in throttle settings an administrator can change at run
 * time.
 */
@Configuration(proxyBeanMethods = false)
public class IdentitySettings {

	private final Settings settings;

	IdentitySettings(Settings settings) {
		this.settings = settings;
	}

	@Bean
	static SettingDefinitions identitySettingDefinitions() {
		return new SettingDefinitions(SettingDefinition.integer("password.minLength", 10, 8, PasswordPolicy.MAX_LENGTH),
				SettingDefinition.integer("password.requiredClasses", 3, 1, 4),
				SettingDefinition.integer("password.historySize", 5, 0, 24),
				SettingDefinition.integer("password.maxAgeDays", 90, 0, 3650),
				SettingDefinition.integer("login.maxFailures", 5, 1, 100),
				SettingDefinition.integer("login.maxFailuresPerAddress", 20, 1, 1000),
				SettingDefinition.integer("login.lockMinutes", 15, 1, 1440),
				SettingDefinition.integer("password.resetMinutes", 30, 5, 1440),
				SettingDefinition.integer("password.resetsPerAddress", 3, 1, 100),
				SettingDefinition.integer("password.resetsPerClient", 20, 1, 1000));
	}

	public PasswordPolicy passwordPolicy() {
		return new PasswordPolicy(this.settings.getInt("password.minLength"),
				this.settings.getInt("password.requiredClasses"), this.settings.getInt("password.historySize"),
				this.settings.getInt("password.maxAgeDays"));
	}

	/**
	 * @return failed sign-ins in a row to one account (or from one device) before its
	 * sign-ins must wait
	 */
	public int maxFailures() {
		return this.settings.getInt("login.maxFailures");
	}

	/**
	 * @return failed sign-ins in a row from one client address, whatever the accounts,
	 * before its sign-ins must wait
	 */
	public int maxFailuresPerAddress() {
		return this.settings.getInt("login.maxFailuresPerAddress");
	}

	/**
	 * @return the longest a throttled sign-in waits
	 */
	public Duration lockDuration() {
		return Duration.ofMinutes(this.settings.getInt("login.lockMinutes"));
	}

	/**
	 * @return how long the link of a password reset e-mail works
	 */
	public Duration resetLifetime() {
		return Duration.ofMinutes(this.settings.getInt("password.resetMinutes"));
	}

	/**
	 * @return password resets asked for one e-mail address in a run (see
	 * {@link PasswordResetThrottle}) before further ones send nothing
	 */
	public int resetsPerAddress() {
		return this.settings.getInt("password.resetsPerAddress");
	}

	/**
	 * @return password resets asked for from one client address in a run, whatever the
	 * e-mail addresses, before further ones send nothing
	 */
	public int resetsPerClient() {
		return this.settings.getInt("password.resetsPerClient");
	}

}
