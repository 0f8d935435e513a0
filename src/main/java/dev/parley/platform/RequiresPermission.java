package dev.parley.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refuses a call (HTTP 403 {@code forbidden}) unless the signed-in staff member holds at
 * least one of the permissions. On a type, it guards every method; a method's own
 * annotation takes precedence over its type's.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresPermission {

	/**
	 * @return the permissions of which the caller needs any one
	 */
	Permission[] value();

}
