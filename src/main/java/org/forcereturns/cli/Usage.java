package org.forcereturns.cli;

/** The text of --help. */
final class Usage {

    static final String TEXT = """
            force-returns-etl: validate, normalise and publish police force returns of CSA image offences.

            Usage: java -jar target/force-returns-etl.jar <command> [options] [--spring.datasource.url=...]

            Commands:
              run              ingest every new return in the inbox and republish the tables
              restart          continue the last failed run (or --execution ID) where it stopped
              rebuild          re-read every delivery from the warehouse's raw archive with the current
                               reference data (e.g. after adding a platform alias) and republish
              status           list recent runs: state, files, rows, rejects, duration, exit status
              report           write the warehouse's report.html again from the published tables
                               (--format text prints the headline and quality summary instead)
              schedule         stay up and run the job on a cron expression (--cron "0 30 2 * * *"),
                               skipping ticks while a run is still going; serves Prometheus
                               metrics on http://<host>:<--metrics-port, default 9404>/metrics

            Options:
              --job FILE              job file (YAML) with inbox, warehouse, scope, reject-threshold,
                                      threads, hadoop settings; options below override it
              --inbox URI             folder of force returns (local path, file:, hdfs:, s3a:)
              --warehouse URI         where the tables, raw archive and state live
              --run-date YYYY-MM-DD   the run date: later dates are out of range (default: today)
              --scope CODES           offence codes counted, comma-separated (default 86/2,86/10,86/15)
              --reject-threshold X    quarantine a file whose rejected share of rows is above X (default 0.10)
              --threads N             files ingested in parallel (default 2)
              --reference DIR         folder of reference files (forces.csv, platforms.csv,
                                      platform-aliases.csv, header-aliases.csv) replacing the bundled ones
              --min-cell-size N       publish force-level counts from 1 to N-1 as null, flagged
                                      suppressed (job file: publish: min-cell-size; default off)
              --lock-lease S          the warehouse lease: a run that died (any host, any container) is
                                      taken over S seconds after its last heartbeat (job file:
                                      lock-lease; default 60)
              --metrics-textfile PATH Prometheus textfile written at the end of every run
                                      (default var/metrics/force_returns_etl.prom)
              --log-format F          text (default) or json: one JSON object per log line
              --format F              with report: html (default) or text
              --progress-interval S   log progress every S seconds (default: a live line on a
                                      terminal, else every 10 seconds)
              --cron EXPR             with schedule: second minute hour day month weekday (Spring cron)
              --metrics-port N        with schedule: port of the /metrics endpoint (0: none)
              --max-runs N            with schedule: stop after N runs (default: never)
              --execution ID          with restart: the job execution to restart
              --limit N               with status: how many runs to list (default 10)
              --help                  this text

            The JobRepository is an embedded H2 file database under var/ unless Spring Boot's
            spring.datasource.* properties say otherwise, e.g.
              --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test --spring.datasource.username=postgres

            Exit status: 0 success; 1 failed (restartable); 2 bad usage or configuration;
                         3 completed, but some file was quarantined;
                         4 another run holds the warehouse (nothing done).
            """;

    private Usage() {
    }
}
