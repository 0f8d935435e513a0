package dev.parley.platform.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

import dev.parley.platform.RunsDuringMaintenance;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.ReflectionUtils;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * Background jobs (sweeps, timeouts) run on Spring's scheduler; module listeners
 * ({@code @ApplicationModuleListener}) run asynchronously on Spring's task executor.
 *
 * <p>
 * The processor of {@code @Scheduled} methods is replaced by one that puts every
 * {@code @Scheduled} method behind the maintenance gate ({@link QuietGate}): while
 * maintenance is active a run is skipped, unless the method is marked
 * {@link RunsDuringMaintenance}, and the runs that go on are counted so that entering
 * maintenance waits for them. Spring Boot's scheduler configuration applies as before (it
 * looks for a processor of this name).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class SchedulingConfiguration {

	/**
	 * Puts {@link MaintenanceAwareScheduling} in the place of the processor that
	 * {@code @EnableScheduling} (here, or in a library such as Spring Modulith's)
	 * registers.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static BeanDefinitionRegistryPostProcessor maintenanceAwareScheduling() {
		return new BeanDefinitionRegistryPostProcessor() {

			@Override
			public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
				String name = TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME;
				if (registry.containsBeanDefinition(name)) {
					registry.removeBeanDefinition(name);
				}
				RootBeanDefinition definition = new RootBeanDefinition(MaintenanceAwareScheduling.class);
				definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
				registry.registerBeanDefinition(name, definition);
			}

			@Override
			public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			}

		};
	}

	/**
	 * Counts the tasks of the application's task executor (where module listeners run,
	 * after the commit of a write) in the gate, so that entering maintenance also waits
	 * for the listeners that writes before it started. They are never refused: their
	 * events are stored already.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static BeanPostProcessor countedApplicationTasks(BeanFactory beans) {
		return new BeanPostProcessor() {

			private volatile QuietGate gate;

			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME.equals(name)) {
					if (bean instanceof ThreadPoolTaskExecutor executor) {
						executor.setTaskDecorator(counting(existingDecorator(executor)));
					}
					else if (bean instanceof SimpleAsyncTaskExecutor executor) {
						executor.setTaskDecorator(counting(existingDecorator(executor)));
					}
				}
				return bean;
			}

			private TaskDecorator counting(TaskDecorator existing) {
				TaskDecorator counting = (runnable) -> () -> {
					QuietGate current = gate();
					if (current != null) {
						current.backgroundStarted();
					}
					try {
						runnable.run();
					}
					finally {
						if (current != null) {
							current.backgroundDone();
						}
					}
				};
				return (existing != null) ? new CompositeTaskDecorator(List.of(existing, counting)) : counting;
			}

			private QuietGate gate() {
				QuietGate current = this.gate;
				if (current == null) {
					try {
						current = beans.getBean(QuietGate.class);
					}
					catch (BeansException ex) {
						return null;
					}
					this.gate = current;
				}
				return current;
			}

		};
	}

	/** What Spring Boot set already (e.g. context propagation), kept in front of ours. */
	private static TaskDecorator existingDecorator(Object executor) {
		Field field = ReflectionUtils.findField(executor.getClass(), "taskDecorator", TaskDecorator.class);
		if (field == null) {
			return null;
		}
		ReflectionUtils.makeAccessible(field);
		return (TaskDecorator) ReflectionUtils.getField(field, executor);
	}

	/** Wraps every scheduled method's runnable in the gate. */
	static final class MaintenanceAwareScheduling extends ScheduledAnnotationBeanPostProcessor {

		private BeanFactory beans;

		private volatile QuietGate gate;

		@Override
		public void setBeanFactory(BeanFactory beanFactory) {
			super.setBeanFactory(beanFactory);
			this.beans = beanFactory;
		}

		@Override
		protected Runnable createRunnable(Object target, Method method, String qualifier) {
			Runnable run = super.createRunnable(target, method, qualifier);
			if (AnnotatedElementUtils.hasAnnotation(method, RunsDuringMaintenance.class)) {
				return run;
			}
			return new GatedRun(run, this::gate);
		}

		/** Looked up on first use: a post-processor must not pull beans in early. */
		private QuietGate gate() {
			QuietGate current = this.gate;
			if (current == null) {
				try {
					current = this.beans.getBean(QuietGate.class);
				}
				catch (BeansException ex) {
					return null; // a context without the gate (a slice test)
				}
				this.gate = current;
			}
			return current;
		}

	}

	/** A scheduled run that happens only while the gate is open. */
	record GatedRun(Runnable job, java.util.function.Supplier<QuietGate> gates) implements Runnable {

		@Override
		public void run() {
			QuietGate gate = this.gates.get();
			if (gate == null) {
				this.job.run();
				return;
			}
			if (!gate.admitJob()) {
				return;
			}
			try {
				this.job.run();
			}
			finally {
				gate.jobDone();
			}
		}

		@Override
		public String toString() {
			return this.job.toString();
		}

	}

}
