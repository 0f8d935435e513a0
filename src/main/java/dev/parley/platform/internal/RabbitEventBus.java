package dev.parley.platform.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.parley.platform.EventBus;
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
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event bus of a cluster: every event goes to the subscribers on this node at once
 * and, through a RabbitMQ fanout exchange, to every other node, which hands it to its own
 * subscribers. Each node listens on its own queue, which RabbitMQ removes a while after
 * the node is gone. Events travel as JSON, tagged with their type and the sending node.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "parley.event-bus", havingValue = "rabbitmq")
class RabbitEventBus {

	static final String EXCHANGE = "parley.events";

	private final String node = UUID.randomUUID().toString();

	@Bean
	FanoutExchange parleyEventExchange() {
		return new FanoutExchange(EXCHANGE, true, false);
	}

	@Bean
	Queue parleyEventQueue() {
		return new Queue(EXCHANGE + "." + this.node, false, false, true, Map.of("x-expires", 300_000));
	}

	@Bean
	Binding parleyEventBinding(Queue parleyEventQueue, FanoutExchange parleyEventExchange) {
		return BindingBuilder.bind(parleyEventQueue).to(parleyEventExchange);
	}

	@Bean
	Bus eventBus(RabbitTemplate rabbit, JsonMapper json) {
		return new Bus(this.node, rabbit, json);
	}

	@Bean
	SimpleMessageListenerContainer parleyEventListener(ConnectionFactory connections, Queue parleyEventQueue,
			Bus eventBus) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
		container.setQueues(parleyEventQueue);
		container.setMessageListener(eventBus::receive);
		container.setPrefetchCount(250);
		return container;
	}

	static final class Bus implements EventBus {

		private static final Logger logger = LoggerFactory.getLogger(Bus.class);

		private static final String TYPE = "parley-type";

		private static final String NODE = "parley-node";

		private final String node;

		private final RabbitTemplate rabbit;

		private final JsonMapper json;

		/** The subscribers on this node. */
		private final InProcessEventBus local = new InProcessEventBus();

		/** Types that may arrive from other nodes: only those someone subscribed to. */
		private final Map<String, Class<?>> types = new ConcurrentHashMap<>();

		Bus(String node, RabbitTemplate rabbit, JsonMapper json) {
			this.node = node;
			this.rabbit = rabbit;
			this.json = json;
		}

		@Override
		public void publish(Object event) {
			deliver(event);
			MessageProperties properties = new MessageProperties();
			properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
			properties.setHeader(TYPE, event.getClass().getName());
			properties.setHeader(NODE, this.node);
			try {
				this.rabbit.send(EXCHANGE, "", new Message(this.json.writeValueAsBytes(event), properties));
			}
			catch (AmqpException ex) {
				// the local half went out; other nodes' clients catch up with sync on
				// reconnect
				logger.warn("Could not pass {} to the other nodes", event.getClass().getSimpleName(), ex);
			}
		}

		@Override
		public <T> Subscription subscribe(Class<T> type, Consumer<? super T> handler) {
			this.types.put(type.getName(), type);
			return this.local.subscribe(type, handler);
		}

		void receive(Message message) {
			MessageProperties properties = message.getMessageProperties();
			if (this.node.equals(properties.getHeader(NODE))) {
				return;
			}
			Class<?> type = this.types.get(String.valueOf((Object) properties.getHeader(TYPE)));
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

		private void deliver(Object event) {
			this.local.publish(event);
		}

	}

}
