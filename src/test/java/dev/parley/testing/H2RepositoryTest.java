package dev.parley.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A repository contract test on H2 (in memory). Every test class with this annotation
 * shares one Spring context holding every repository
 * ({@link RepositoryTestConfiguration}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@JdbcTest
@ActiveProfiles("test")
@Import(RepositoryTestConfiguration.class)
public @interface H2RepositoryTest {

}
