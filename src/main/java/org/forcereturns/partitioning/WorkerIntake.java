package org.forcereturns.partitioning;

import java.time.Duration;
import java.util.List;
import org.forcereturns.config.ForceReturnsSettings;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * A worker's intake (the {@code worker} command only): partition requests from the queue, {@code threads} at a
 * time, one unacknowledged message per consumer, each {@link RequestClaim claimed} before the worker step's
 * handler runs it. A message is acknowledged once its partition has ended; a worker killed before that leaves it
 * to the broker, which delivers it again to a live worker, whose claim then finds the partition taken.
 */
@Configuration(proxyBeanMethods = false)
public class WorkerIntake {

    static final String ADAPTER = "partitionRequestsFromBroker";
    /** How long a worker stopping (SIGTERM) waits for the deliveries in hand. */
    static final Duration STOP_GRACE = Duration.ofMinutes(2);

    private final DirectChannel claimed = new DirectChannel();

    /** Requests this worker has claimed: the input of the worker step's handler. */
    DirectChannel claimedRequests() {
        return claimed;
    }

    @Bean
    IntegrationFlow workerIntakeFlow(ConnectionFactory connectionFactory, JobRepository repository,
                                                ForceReturnsSettings settings) {
        // Java serialisation of Spring Batch's request, and of nothing else.
        SimpleMessageConverter converter = new SimpleMessageConverter();
        converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName(), "java.lang.*"));
        RequestClaim claim = new RequestClaim(repository);
        return IntegrationFlow.from(Amqp.inboundAdapter(connectionFactory, settings.getPartitionQueue())
                        .configureContainer(c -> c.concurrentConsumers(settings.getThreads()).prefetchCount(1)
                                .shutdownTimeout(STOP_GRACE.toMillis()).defaultRequeueRejected(false))
                        .messageConverter(converter)
                        .id(ADAPTER)
                        .autoStartup(false))
                .filter(StepExecutionRequest.class, claim::claim, f -> f.discardChannel("nullChannel"))
                .channel(claimed)
                .get();
    }
}
