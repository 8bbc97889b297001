package org.forcereturns.cli;

import java.nio.file.Path;
import org.forcereturns.config.ForceReturnsSettings;
import org.forcereturns.job.PipelineFactory;
import org.forcereturns.metrics.Progress;
import org.forcereturns.metrics.RunMetrics;
import org.forcereturns.ingest.ReferenceData;
import org.forcereturns.partitioning.PartitionMessaging;
import org.forcereturns.partitioning.RemotePartitioning;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The Spring Boot application of the job commands: the settings, the JobRepository and the job. */
@SpringBootApplication(scanBasePackages = {"org.forcereturns.job", "org.forcereturns.intake", "org.forcereturns.ingest",
        "org.forcereturns.publish", "org.forcereturns.warehouse"})
@Import({SettingsConfiguration.class, RemotePartitioning.class, ForceReturnsApplication.RemoteManager.class})
public class ForceReturnsApplication {

    public static void main(String[] args) {
        System.exit(new ForceReturnsCli(System.out, System.err).run(args));
    }

    @Bean
    PipelineFactory pipelineFactory(ForceReturnsSettings settings) {
        return new PipelineFactory(settings.getHadoop());
    }

    /** Loaded once, at start-up, and shared by every run (ingest normalises against it, publish suggests from it). */
    @Bean
    ReferenceData referenceData(ForceReturnsSettings settings) {
        return ReferenceData.load(settings.getReference() == null ? null : Path.of(settings.getReference()));
    }

    @Bean
    RunMetrics runMetrics() {
        return new RunMetrics();
    }

    @Bean
    Progress progress() {
        return new Progress();
    }

    /** A run or restart with {@code --partitioning remote} sends its partitions through the broker. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "force-returns", name = "partitioning", havingValue = "remote")
    @Import(PartitionMessaging.class)
    static class RemoteManager {
    }
}
