package org.forcereturns.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.forcereturns.cli.ForceReturnsCli;
import org.forcereturns.config.ForceReturnsSettings;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes recipes of remote partitioning (jobs/deploy/remote): a manager CronJob and scaled workers. */
@SuppressWarnings("unchecked")
class RemoteRecipesTest {

    private static final Path REMOTE = Path.of("jobs/deploy/remote");

    @Test
    void theManagerRunsInRemoteModeOnceANightWithTheBrokerAndDatabaseFromSecrets() throws Exception {
        Map<String, Object> cronJob = new Yaml().load(Files.readString(REMOTE.resolve("cronjob.yaml")));

        assertThat(cronJob).containsEntry("kind", "CronJob");
        Map<String, Object> spec = map(cronJob, "spec");
        assertThat(spec).containsEntry("concurrencyPolicy", "Forbid");
        CronExpression.parse("0 " + spec.get("schedule"));
        Map<String, Object> container = list(map(map(map(map(spec, "jobTemplate"), "spec"), "template"), "spec"),
                "containers").get(0);
        List<String> args = (List<String>) container.get("args");
        assertThat(ForceReturnsCli.commandOf(args.toArray(String[]::new))).isEqualTo("run");
        assertThat(String.join(" ", args)).contains("--partitioning remote").contains("--worker-timeout ");
        assertSecrets(container);
    }

    @Test
    void theWorkersTakeTheDefaultQueueAndKedaScalesThemOnItsDepth() throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        new Yaml().loadAll(Files.readString(REMOTE.resolve("workers.yaml"))).forEach(d -> docs.add((Map<String, Object>) d));
        Map<String, Object> deployment = kind(docs, "Deployment");
        Map<String, Object> scaled = kind(docs, "ScaledObject");
        kind(docs, "TriggerAuthentication");

        Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).as("longer than the worker's stop grace")
                .isGreaterThan(120);
        Map<String, Object> container = list(pod, "containers").get(0);
        List<String> args = (List<String>) container.get("args");
        assertThat(ForceReturnsCli.commandOf(args.toArray(String[]::new))).isEqualTo("worker");
        assertSecrets(container);

        Map<String, Object> scaledSpec = map(scaled, "spec");
        assertThat(map(scaledSpec, "scaleTargetRef")).containsEntry("name", map(deployment, "metadata").get("name"));
        Map<String, Object> trigger = list(scaledSpec, "triggers").get(0);
        assertThat(trigger).containsEntry("type", "rabbitmq");
        assertThat(map(trigger, "metadata")).containsEntry("queueName", new ForceReturnsSettings().getPartitionQueue())
                .containsEntry("mode", "QueueLength");
    }

    private static void assertSecrets(Map<String, Object> container) {
        for (String variable : List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_PASSWORD", "SPRING_RABBITMQ_HOST",
                "SPRING_RABBITMQ_PASSWORD")) {
            Map<String, Object> env = list(container, "env").stream().filter(e -> variable.equals(e.get("name")))
                    .findFirst().orElseThrow(() -> new AssertionError(variable + " is not set"));
            assertThat(map(map(env, "valueFrom"), "secretKeyRef")).containsKey("name");
        }
    }

    private static Map<String, Object> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }
}
