package org.forcereturns.cli;

import java.util.List;

/** Chooses the log layout before anything logs: {@code --log-format json} gives one JSON object per line. */
final class LogFormat {

    static final String JSON_CONFIG = "logback-json.xml";

    private LogFormat() {
    }

    static void select(String[] args) {
        if (isJson(List.of(args))) {
            // Configure logback now, before anything logs; Spring Boot is then given logging.config instead.
            System.setProperty("logback.configurationFile", JSON_CONFIG);
            org.slf4j.LoggerFactory.getILoggerFactory();
            System.clearProperty("logback.configurationFile");
        }
    }

    static boolean isJson(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--log-format=json") || (a.equals("--log-format") && i + 1 < args.size()
                    && args.get(i + 1).equals("json"))) {
                return true;
            }
        }
        return false;
    }
}
