package org.forcereturns.partitioning;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.forcereturns.config.ForceReturnsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.integration.dsl.context.IntegrationFlowContext;

/**
 * The {@code worker} command: takes partition requests until SIGTERM, then stops taking them, lets the deliveries in
 * hand finish (for at most {@link WorkerIntake#STOP_GRACE}; one cut short is left to the manager's timeout and a
 * restart) and exits.
 */
public final class Worker {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private Worker() {
    }

    /**
     * @param finished counted down when the command has released everything (the process may then end)
     * @return the exit status: 0 after a stop, 1 if the broker cannot be reached at the start
     */
    public static int serve(ApplicationContext context, ForceReturnsSettings settings, PrintStream err,
                            String name, CountDownLatch finished) throws InterruptedException {
        SharedJobRepository.require(context.getEnvironment(), "a worker");
        ConnectionFactory broker = context.getBean(ConnectionFactory.class);
        String where = broker.getHost() + ":" + broker.getPort();
        try {
            broker.createConnection().close();
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            err.println(name + ": cannot reach RabbitMQ at " + where + " (spring.rabbitmq.*): " + root.getMessage());
            return 1;
        }
        // The worker step's handler first (Spring Batch registers it unstarted), then the intake that feeds it.
        context.getBean(IntegrationFlowContext.class).getRegistry().values().forEach(r -> r.start());
        Lifecycle intake = context.getBean(WorkerIntake.ADAPTER, Lifecycle.class);
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            log.info("stop requested: taking no more deliveries; finishing the ones in hand");
            // Bounded: stopping waits on the broker (consumer cancel), which may not answer (queue deleted, broker
            // gone); the process ends within the grace whatever happens.
            Thread stopping = new Thread(intake::stop, "worker-intake-stop");
            stopping.setDaemon(true);
            stopping.start();
            try {
                stopping.join(WorkerIntake.STOP_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop.countDown();
            try {
                finished.await(WorkerIntake.STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "worker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        intake.start();
        log.info("worker ready: taking deliveries from queue {} at {}, {} at a time", settings.getPartitionQueue(), where,
                settings.getThreads());
        stop.await();
        log.info("worker stopped");
        if (broker instanceof CachingConnectionFactory caching) {
            caching.resetConnection();
        }
        return 0;
    }
}
