package dev.parley.identity.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with Argon2id (Spring Security's current recommended parameters).
 * The hash is stored with its algorithm prefix, so bcrypt hashes imported from another
 * system still verify and the algorithm can change later without a migration.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2",
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

}
