package dev.parley.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Completes the install without a browser, for automation: when Parley is not installed
 * yet and {@code parley.setup.admin-username} and {@code parley.setup.admin-password} are
 * set (as properties, command-line flags or {@code PARLEY_SETUP_*} environment
 * variables), it installs at start-up with those values. Refused values stop the start
 * with the reason.
 */
@Component
class HeadlessSetup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(HeadlessSetup.class);

	private final Installation installation;

	private final SetupProperties properties;

	HeadlessSetup(Installation installation, SetupProperties properties) {
		this.installation = installation;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.adminUsername() == null || this.properties.adminPassword() == null
				|| this.installation.isInstalled()) {
			return;
		}
		Installation.SetupRequest request = new Installation.SetupRequest(this.properties.organisationName(),
				this.properties.language(), this.properties.timeZone(), this.properties.adminUsername(),
				(this.properties.adminDisplayName() != null) ? this.properties.adminDisplayName()
						: this.properties.adminUsername(),
				this.properties.adminEmail(), this.properties.adminPassword());
		SetupValidation.check(request);
		this.installation.install(request);
		log.info("Installed headless for {} with administrator {}", request.organisationName(),
				request.adminUsername());
	}

	/**
	 * Values for a headless install.
	 *
	 * @param organisationName the organisation's name
	 * @param language default language: en, zh-CN or zh-TW
	 * @param timeZone the organisation's time zone, e.g. Asia/Shanghai
	 * @param adminUsername the first administrator's username
	 * @param adminDisplayName the first administrator's display name (defaults to the
	 * username)
	 * @param adminEmail the first administrator's e-mail, optional
	 * @param adminPassword the first administrator's password; must satisfy the default
	 * policy
	 */
	@ConfigurationProperties("parley.setup")
	record SetupProperties(@DefaultValue("Parley") String organisationName, @DefaultValue("en") String language,
			@DefaultValue("UTC") String timeZone, String adminUsername, String adminDisplayName, String adminEmail,
			String adminPassword) {
	}

}
