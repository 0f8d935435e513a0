package dev.parley.platform.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.parley.platform.EventBus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.event.AmqpEvent;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.ConsumeOkEvent;
import org.springframework.amqp.rabbit.listener.ListenerContainerConsumerFailedEvent;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event bus of a cluster: every event goes to the subscribers on this node at once
 * and, through a RabbitMQ fanout exchange, to every other node, which hands it to its own
 * subscribers. Each node listens on its own queue, which outlives a lost connection (so
 * events wait there until the node is back) and which RabbitMQ removes five minutes after
 * the node is gone. Events travel as JSON, tagged with their type and the sending node.
 *
 * <p>
 * At least once across nodes: an event the broker does not confirm (refused, or the
 * connection lost before the confirm) is kept in a bounded {@link EventBacklog} and sent
 * again while the broker is back; this node's subscribers get
 * {@link EventBus.Resynchronise} when its own connection returns after a loss, and every
 * node's when one had to drop events from a full backlog.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "parley.event-bus", havingValue = "rabbitmq")
class RabbitEventBus {

	private final String node = UUID.randomUUID().toString();

	@Bean
	FanoutExchange parleyEventExchange(ClusterEventsProperties properties) {
		return new FanoutExchange(properties.exchange(), true, false);
	}

	@Bean
	Queue parleyEventQueue(ClusterEventsProperties properties) {
		// not auto-delete: events for this node wait while its connection is away;
		// x-expires removes the queue of a node that is gone for good
		return new Queue(properties.exchange() + "." + this.node, false, false, false,
				Map.of("x-expires", 300_000, "x-max-length", 100_000));
	}

	@Bean
	Binding parleyEventBinding(Queue parleyEventQueue, FanoutExchange parleyEventExchange) {
		return BindingBuilder.bind(parleyEventQueue).to(parleyEventExchange);
	}

	@Bean
	Bus eventBus(RabbitTemplate rabbit, JsonMapper json, Queue parleyEventQueue, ClusterEventsProperties properties,
			MeterRegistry meters) {
		Bus bus = new Bus(this.node, properties.exchange(), parleyEventQueue.getName(), rabbit, json,
				new EventBacklog(properties.backlog()));
		Gauge.builder("parley.events.backlog", bus.backlog, EventBacklog::size)
			.description("Live events waiting for RabbitMQ to be reachable again")
			.register(meters);
		FunctionCounter.builder("parley.events.dropped", bus.backlog, EventBacklog::dropped)
			.description("Live events dropped because the backlog was full during a RabbitMQ outage")
			.register(meters);
		return bus;
	}

	@Bean
	SimpleMessageListenerContainer parleyEventListener(ConnectionFactory connections, Queue parleyEventQueue,
			Bus eventBus) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
		container.setQueues(parleyEventQueue);
		container.setMessageListener(eventBus::receive);
		container.setPrefetchCount(250);
		// try the broker again every second once it is lost (default: every five)
		container.setRecoveryInterval(1_000);
		return container;
	}

	static final class Bus implements EventBus, ApplicationListener<AmqpEvent>, AutoCloseable {

		private static final Logger logger = LoggerFactory.getLogger(Bus.class);

		private static final String TYPE = "parley-type";

		private static final String NODE = "parley-node";

		/** How often kept events are offered to the broker again. */
		private static final long FLUSH_MILLIS = 500;

		/** The type header of the report that a node dropped events. */
		private static final String DROPPED = "parley-dropped-events";

		private final String node;

		private final String exchange;

		private final String queue;

		private final RabbitTemplate rabbit;

		private final JsonMapper json;

		final EventBacklog backlog;

		/** The subscribers on this node. */
		private final InProcessEventBus local = new InProcessEventBus();

		/** Types that may arrive from other nodes: only those someone subscribed to. */
		private final Map<String, Class<?>> types = new ConcurrentHashMap<>();

		/** Set while this node's consumer has lost the broker. */
		private final AtomicBoolean consumerLost = new AtomicBoolean();

		/** Set while publishing fails, to log an outage once rather than per event. */
		private final AtomicBoolean publishingFails = new AtomicBoolean();

		/**
		 * Its own thread for sending the backlog: a try may wait for the connection
		 * timeout, which must hold up neither publishers nor the application's scheduler.
		 */
		private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "parley-event-backlog");
			thread.setDaemon(true);
			return thread;
		});

		Bus(String node, String exchange, String queue, RabbitTemplate rabbit, JsonMapper json, EventBacklog backlog) {
			this.node = node;
			this.exchange = exchange;
			this.queue = queue;
			this.rabbit = rabbit;
			this.json = json;
			this.backlog = backlog;
			this.flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
		}

		@Override
		public void close() {
			this.flusher.shutdownNow();
		}

		private void flushQuietly() {
			try {
				flush();
			}
			catch (RuntimeException ex) {
				logger.warn("Sending kept events failed", ex);
			}
		}

		@Override
		public void publish(Object event) {
			deliver(event);
			Message message = message(event.getClass().getName(), this.json.writeValueAsBytes(event));
			// behind a backlog an event waits its turn: no publisher waits for a broker
			// that is known to be away, and the order of events is kept
			if (!this.backlog.isEmpty() || !send(message)) {
				this.backlog.add(message);
			}
		}

		@Override
		public <T> Subscription subscribe(Class<T> type, Consumer<? super T> handler) {
			this.types.put(type.getName(), type);
			return this.local.subscribe(type, handler);
		}

		/**
		 * Sends what was kept, oldest first, while the broker takes it; then tells the
		 * other nodes if some had to be dropped.
		 */
		synchronized void flush() {
			Message next;
			int sent = 0;
			while ((next = this.backlog.poll()) != null) {
				if (!send(next)) {
					this.backlog.putBack(next);
					return;
				}
				sent++;
			}
			if (this.backlog.takeOverflow()) {
				if (!send(message(DROPPED, new byte[0]))) {
					this.backlog.markOverflow();
					return;
				}
			}
			if (sent > 0) {
				logger.info("RabbitMQ takes events again; sent {} kept during the outage", sent);
			}
		}

		/**
		 * Hands a message to the broker; {@code false} if that failed at once. A message
		 * the broker later refuses, or whose confirm is lost with the connection, is kept
		 * for another try.
		 */
		private boolean send(Message message) {
			AtomicBoolean failedAtOnce = new AtomicBoolean();
			CorrelationData confirm = new CorrelationData();
			confirm.getFuture().whenComplete((result, ex) -> {
				if ((ex != null || !result.ack()) && !failedAtOnce.get()) {
					this.backlog.add(message);
				}
			});
			try {
				this.rabbit.send(this.exchange, "", message, confirm);
				if (this.publishingFails.compareAndSet(true, false)) {
					logger.info("RabbitMQ reachable again for publishing");
				}
				return true;
			}
			catch (AmqpException ex) {
				failedAtOnce.set(true);
				if (this.publishingFails.compareAndSet(false, true)) {
					logger.warn("Cannot pass events to the other nodes; keeping up to the backlog limit until "
							+ "RabbitMQ is back: {}", ex.getMessage());
				}
				return false;
			}
		}

		void receive(Message message) {
			MessageProperties properties = message.getMessageProperties();
			if (this.node.equals(properties.getHeader(NODE))) {
				return;
			}
			String typeName = String.valueOf((Object) properties.getHeader(TYPE));
			if (DROPPED.equals(typeName)) {
				deliver(new Resynchronise("node " + properties.getHeader(NODE) + " dropped events during an outage"));
				return;
			}
			Class<?> type = this.types.get(typeName);
			if (type == null) {
				return;
			}
			try {
				deliver(this.json.readValue(message.getBody(), type));
			}
			catch (RuntimeException ex) {
				logger.warn("Dropping an unreadable {} event: {}", type.getSimpleName(),
						new String(message.getBody(), StandardCharsets.UTF_8), ex);
			}
		}

		/**
		 * Notices this node's consumer losing the broker, and tells the local subscribers
		 * to resynchronise once it consumes again: events published meanwhile may never
		 * have reached its queue (a restarted broker, an expired queue).
		 */
		@Override
		public void onApplicationEvent(AmqpEvent event) {
			if (event instanceof ListenerContainerConsumerFailedEvent
					&& event.getSource() instanceof AbstractMessageListenerContainer container
					&& Arrays.asList(container.getQueueNames()).contains(this.queue)) {
				if (this.consumerLost.compareAndSet(false, true)) {
					logger.warn("Lost RabbitMQ for incoming events; clients resynchronise when it is back");
				}
			}
			else if (event instanceof ConsumeOkEvent ok && this.queue.equals(ok.getQueue())
					&& this.consumerLost.compareAndSet(true, false)) {
				logger.info("RabbitMQ delivers events again; asking this node's clients to resynchronise");
				deliver(new Resynchronise("this node's connection to RabbitMQ came back"));
			}
		}

		private Message message(String type, byte[] body) {
			MessageProperties properties = new MessageProperties();
			properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
			properties.setHeader(TYPE, type);
			properties.setHeader(NODE, this.node);
			return new Message(body, properties);
		}

		private void deliver(Object event) {
			this.local.publish(event);
		}

	}

}
