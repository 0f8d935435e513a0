package dev.parley.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * A {@code @WebMvcTest} slice for a controller's own rules (parameters, permissions,
 * paging, problem answers) without a database: the controller, Parley's problem handling
 * and its permission checks ({@code @RequiresPermission} and the acting staff member);
 * the services it calls are mocked. Sign a request in with
 * {@code SecurityMockMvcRequestPostProcessors.authentication(...)} and a
 * {@code StaffPrincipal}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		// the console's pages and static assets are not part of a controller's rules
		pattern = "dev\\.parley\\.platform\\.internal\\.WebConfiguration"),
		// problems are made (and translated) by the problem writer; maintenance mode's
		// interceptor (off in a slice) needs its gate
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "dev\\.parley\\.platform\\.internal\\.(Problem(Writer|Texts)|QuietGate)"))
@Import(ControllerSliceTest.MethodSecurity.class)
public @interface ControllerSliceTest {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

	/**
	 * The proxying that applies {@code @RequiresPermission} (in the application it comes
	 * with the security configuration, which a slice leaves out).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableMethodSecurity
	class MethodSecurity {

	}

}
