package org.forcereturns.cli;

import org.forcereturns.config.ForceReturnsSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The settings, bound and validated: all that a command without a JobRepository (report) needs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ForceReturnsSettings.class)
class SettingsConfiguration {
}
