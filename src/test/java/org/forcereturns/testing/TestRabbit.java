package org.forcereturns.testing;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * A real RabbitMQ for the remote partitioning tests: a Testcontainers container where a Docker engine runs,
 * otherwise the broker named by FORCE_RETURNS_TEST_RABBIT_HOST and _PORT (default: the local service on
 * 127.0.0.1:5672, guest/guest; .ci/run starts it). There is no skip: when neither is reachable, the tests fail
 * and say why. Each test takes its own queue, so that tests never take each other's partition requests.
 */
public final class TestRabbit {

    private static RabbitMQContainer container;

    private TestRabbit() {
    }

    public record Broker(String host, int port, String user, String password) {
        /** Spring Boot options pointing a manager or worker at this broker. */
        public String[] springArgs() {
            return new String[] {"--spring.rabbitmq.host=" + host, "--spring.rabbitmq.port=" + port,
                    "--spring.rabbitmq.username=" + user, "--spring.rabbitmq.password=" + password};
        }

        /** Sends a partition request as the manager does (Java serialisation), e.g. to deliver one twice. */
        public void send(String queue, StepExecutionRequest request) {
            CachingConnectionFactory cf = connectionFactory();
            try {
                new RabbitTemplate(cf).convertAndSend("", queue, request);
            } finally {
                cf.destroy();
            }
        }

        public void deleteQueue(String queue) {
            CachingConnectionFactory cf = connectionFactory();
            try {
                new RabbitAdmin(cf).deleteQueue(queue);
            } finally {
                cf.destroy();
            }
        }

        /** Messages waiting in a queue (0 if it does not exist). */
        public long depth(String queue) {
            CachingConnectionFactory cf = connectionFactory();
            try {
                var info = new RabbitAdmin(cf).getQueueInfo(queue);
                return info == null ? 0 : info.getMessageCount();
            } finally {
                cf.destroy();
            }
        }

        private CachingConnectionFactory connectionFactory() {
            CachingConnectionFactory cf = new CachingConnectionFactory(host, port);
            cf.setUsername(user);
            cf.setPassword(password);
            return cf;
        }
    }

    public static synchronized Broker broker() {
        Broker broker;
        if (System.getenv("FORCE_RETURNS_TEST_RABBIT_HOST") == null && dockerAvailable()) {
            if (container == null) {
                container = new RabbitMQContainer("rabbitmq:4");
                container.start();
            }
            broker = new Broker(container.getHost(), container.getAmqpPort(), container.getAdminUsername(),
                    container.getAdminPassword());
        } else {
            broker = new Broker(System.getenv().getOrDefault("FORCE_RETURNS_TEST_RABBIT_HOST", "127.0.0.1"),
                    Integer.parseInt(System.getenv().getOrDefault("FORCE_RETURNS_TEST_RABBIT_PORT", "5672")),
                    System.getenv().getOrDefault("FORCE_RETURNS_TEST_RABBIT_USER", "guest"),
                    System.getenv().getOrDefault("FORCE_RETURNS_TEST_RABBIT_PASSWORD", "guest"));
        }
        CachingConnectionFactory cf = broker.connectionFactory();
        try {
            cf.createConnection().close();
        } catch (RuntimeException e) {
            throw new IllegalStateException("RabbitMQ is required for this test and is not reachable at "
                    + broker.host() + ":" + broker.port() + " (start it: rabbitmq-server -detached; or set "
                    + "FORCE_RETURNS_TEST_RABBIT_HOST/_PORT): " + e.getMessage(), e);
        } finally {
            cf.destroy();
        }
        return broker;
    }

    /** A queue name of its own for one test. */
    public static String freshQueue() {
        return "fr-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
