package org.forcereturns.cli;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application: the job configuration and the JobRepository; the command line drives it. */
@SpringBootApplication(scanBasePackages = "org.forcereturns.job")
public class ForceReturnsApplication {

    public static void main(String[] args) {
        LogFormat.select(args);
        System.exit(new ForceReturnsCli(System.out, System.err).run(args));
    }
}
