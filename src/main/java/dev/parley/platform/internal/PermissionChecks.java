package dev.parley.platform.internal;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;

import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import dev.parley.platform.StaffIdentity;
import dev.parley.platform.ApiException;
import org.aopalliance.intercept.MethodInvocation;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces {@link RequiresPermission} on any bean method (a refusal is an
 * {@code AccessDeniedException}, answered as 403 {@code forbidden} and audited), and
 * hands controllers the {@link StaffActor} of the request as a method parameter (which
 * the published API description leaves out: it is the caller, not a query parameter).
 */
@Configuration(proxyBeanMethods = false)
class PermissionChecks implements WebMvcConfigurer {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(StaffActor.class);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor requiresPermissionAdvisor() {
		ComposablePointcut pointcut = new ComposablePointcut(
				new AnnotationMatchingPointcut(RequiresPermission.class, true))
			.union(new AnnotationMatchingPointcut(null, RequiresPermission.class, true));
		AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
				pointcut, new RequiresPermissionManager());
		interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder());
		return interceptor;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new StaffActorResolver());
	}

	/**
	 * Grants a call when the caller holds any of the permissions the annotation names.
	 */
	static final class RequiresPermissionManager implements AuthorizationManager<MethodInvocation> {

		@Override
		public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
				MethodInvocation invocation) {
			RequiresPermission required = required(invocation);
			Authentication current = authentication.get();
			if (required == null || current == null || !(current.getPrincipal() instanceof StaffIdentity)) {
				return new AuthorizationDecision(false);
			}
			StaffActor actor = StaffActor.of(current);
			return new AuthorizationDecision(actor.canAny(required.value()));
		}

		private static RequiresPermission required(MethodInvocation invocation) {
			Method method = invocation.getMethod();
			RequiresPermission onMethod = AnnotatedElementUtils.findMergedAnnotation(method, RequiresPermission.class);
			if (onMethod != null) {
				return onMethod;
			}
			Class<?> type = (invocation.getThis() != null) ? invocation.getThis().getClass()
					: method.getDeclaringClass();
			return AnnotatedElementUtils.findMergedAnnotation(type, RequiresPermission.class);
		}

	}

	/** A controller parameter of type {@link StaffActor}: the signed-in staff member. */
	static final class StaffActorResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return StaffActor.class.equals(parameter.getParameterType());
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || !(authentication.getPrincipal() instanceof StaffIdentity)) {
				throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first");
			}
			return StaffActor.of(authentication);
		}

	}

}
