package dev.parley;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Parley, an online customer service platform. One application, started on its embedded
 * default (H2 under {@code ./data}) or, configured by properties alone, as one node of a
 * cluster.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParleyApplication {

	public static void main(String[] args) {
		SpringApplication.run(ParleyApplication.class, args);
	}

}
