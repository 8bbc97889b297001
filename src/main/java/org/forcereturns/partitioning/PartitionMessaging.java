package org.forcereturns.partitioning;

import org.forcereturns.config.ForceReturnsSettings;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The broker side of remote partitioning: Spring Integration, the queue of partition requests and the manager's
 * outgoing channel to it. Imported only where the broker is used (a run or restart with {@code --partitioning
 * remote}, and the {@code worker} command): a local run starts neither Spring Integration nor a RabbitMQ client.
 */
@Configuration(proxyBeanMethods = false)
@EnableIntegration
public class PartitionMessaging {

    /** The queue of partition requests, declared by whichever process connects first. */
    @Bean
    Queue partitionQueue(ForceReturnsSettings settings) {
        return new Queue(settings.getPartitionQueue(), true);
    }

    /** The manager's outgoing partition requests. */
    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, AmqpTemplate rabbit,
                                              ForceReturnsSettings settings) {
        return IntegrationFlow.from(partitionRequests)
                .handle(Amqp.outboundAdapter(rabbit).routingKey(settings.getPartitionQueue()))
                .get();
    }
}
