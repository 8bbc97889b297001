package org.forcereturns.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.forcereturns.cli.ForceReturnsCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.Yaml;

/** The scheduling recipes in jobs/deploy are what operators copy: they must be valid and say what the docs say. */
class DeployRecipesTest {

    private static final Path DEPLOY = Path.of("jobs/deploy");

    @Test
    @SuppressWarnings("unchecked")
    void theKubernetesCronJobForbidsOverlapsRestartsOnFailureAndTakesTheDatabaseFromASecret() throws Exception {
        Map<String, Object> cronJob = new Yaml().load(Files.readString(DEPLOY.resolve("cronjob.yaml")));

        assertThat(cronJob).containsEntry("apiVersion", "batch/v1").containsEntry("kind", "CronJob");
        Map<String, Object> spec = map(cronJob, "spec");
        assertThat(spec).containsEntry("concurrencyPolicy", "Forbid");
        CronExpression.parse("0 " + spec.get("schedule"));
        Map<String, Object> pod = map(map(map(map(spec, "jobTemplate"), "spec"), "template"), "spec");
        assertThat(pod).containsEntry("restartPolicy", "OnFailure");
        Map<String, Object> container = list(pod, "containers").get(0);
        List<String> args = (List<String>) container.get("args");
        assertThat(ForceReturnsCli.commandOf(args.toArray(String[]::new))).isEqualTo("run");
        for (String variable : List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")) {
            Map<String, Object> env = list(container, "env").stream().filter(e -> variable.equals(e.get("name")))
                    .findFirst().orElseThrow(() -> new AssertionError(variable + " is not set"));
            assertThat(map(map(env, "valueFrom"), "secretKeyRef")).containsEntry("name", "force-returns-etl-db");
        }
    }

    @Test
    void theCrontabLineIsAValidScheduleRunningTheNightlyJob() throws Exception {
        List<String> entries = new ArrayList<>();
        for (String line : Files.readAllLines(DEPLOY.resolve("crontab"))) {
            if (!line.isBlank() && !line.startsWith("#") && !line.matches("^[A-Z_]+=.*")) {
                entries.add(line);
            }
        }
        assertThat(entries).hasSize(1);
        String[] fields = entries.get(0).split("\\s+", 7);
        CronExpression.parse("0 " + String.join(" ", List.of(fields).subList(0, 5)));
        assertThat(fields[5]).isEqualTo("etl");
        assertThat(fields[6]).contains("bin/force-returns-etl run --job jobs/nightly.yml");
    }

    @Test
    void theSystemdUnitsRunTheJobOnceANightAndTreatQuarantineAsDone(@TempDir Path dir) throws Exception {
        String service = Files.readString(DEPLOY.resolve("force-returns-etl.service"));
        String timer = Files.readString(DEPLOY.resolve("force-returns-etl.timer"));
        assertThat(service).contains("Type=oneshot").contains("SuccessExitStatus=3").containsPattern(
                "ExecStart=/bin/bash \\S+/bin/force-returns-etl run --job ");
        assertThat(timer).contains("OnCalendar=*-*-* 02:30:00").contains("Persistent=true");
        if (Files.isExecutable(Path.of("/usr/bin/systemd-analyze"))) {
            // Where systemd's own checker exists, it must accept both units as written.
            Files.copy(DEPLOY.resolve("force-returns-etl.service"), dir.resolve("force-returns-etl.service"));
            Files.copy(DEPLOY.resolve("force-returns-etl.timer"), dir.resolve("force-returns-etl.timer"));
            Process verify = new ProcessBuilder("systemd-analyze", "verify", "force-returns-etl.service",
                    "force-returns-etl.timer").directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(verify.getInputStream().readAllBytes());
            assertThat(verify.waitFor()).as(output).isZero();
        }
    }

    /**
     * The job has no scheduler of its own: the recipes' schedulers start it. On the nights the UK's clocks change
     * (2025-03-30, 2025-10-26), every recipe still runs once a day at 02:30 London time, never an hour early or late.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aClockChangeNeverMovesARunByAnHour() throws Exception {
        Map<String, Object> cronJob = new Yaml().load(Files.readString(DEPLOY.resolve("cronjob.yaml")));
        Map<String, Object> spec = map(cronJob, "spec");
        java.time.ZoneId london = java.time.ZoneId.of((String) spec.get("timeZone"));
        String timer = Files.readString(DEPLOY.resolve("force-returns-etl.timer"));
        java.util.regex.Matcher onCalendar = java.util.regex.Pattern.compile("OnCalendar=\\*-\\*-\\* (\\d\\d):(\\d\\d):00")
                .matcher(timer);
        assertThat(onCalendar.find()).isTrue();
        String crontabTime = Files.readAllLines(DEPLOY.resolve("crontab")).stream()
                .filter(l -> l.matches("^\\d.*")).findFirst().orElseThrow();
        for (String schedule : List.of("0 " + spec.get("schedule"),
                "0 " + Integer.parseInt(onCalendar.group(2)) + " " + Integer.parseInt(onCalendar.group(1)) + " * * *",
                "0 " + String.join(" ", List.of(crontabTime.split("\\s+")).subList(0, 5)))) {
            CronExpression cron = CronExpression.parse(schedule);
            for (String night : List.of("2025-03-27", "2025-10-23")) {
                java.time.ZonedDateTime t = java.time.LocalDate.parse(night).atStartOfDay(london);
                java.time.LocalTime time = cron.next(t).toLocalTime();
                for (int day = 0; day < 7; day++) {
                    java.time.ZonedDateTime next = cron.next(t);
                    assertThat(next.toLocalDate()).as(schedule).isEqualTo(t.toLocalDate());
                    assertThat(next.toLocalTime()).as(schedule + " on " + next.toLocalDate()).isEqualTo(time);
                    assertThat(cron.next(next).toLocalDate()).as("once a day").isEqualTo(t.toLocalDate().plusDays(1));
                    t = t.plusDays(1);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }
}
