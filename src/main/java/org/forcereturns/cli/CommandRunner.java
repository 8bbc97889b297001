package org.forcereturns.cli;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.ApplicationContext;

/**
 * Runs one command once the application has started, and holds its exit status as the application's exit code.
 * A failure of the command is reported here, in one line, so that it is never taken for a failure to start.
 */
final class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    /** A command's work, given the started application. */
    @FunctionalInterface
    interface Work {
        int run(ApplicationContext context) throws Exception;
    }

    private final Work work;
    private final Failures failures;
    private ApplicationContext context;
    private int exitStatus = ExitStatus.FAILED;

    CommandRunner(Work work, Failures failures) {
        this.work = work;
        this.failures = failures;
    }

    /** Registers this runner in the application about to start (a singleton given, not created, so told its context). */
    void attachTo(org.springframework.context.ConfigurableApplicationContext context) {
        this.context = context;
        context.getBeanFactory().registerSingleton("commandRunner", this);
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            exitStatus = work.run(context);
        } catch (Exception e) {
            exitStatus = failures.exitStatus(e);
        }
    }

    @Override
    public int getExitCode() {
        return exitStatus;
    }
}
