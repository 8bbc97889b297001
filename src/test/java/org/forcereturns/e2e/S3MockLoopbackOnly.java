package org.forcereturns.e2e;

import java.util.Collection;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Loaded into S3Mock's own process (not this project's), named in a {@code META-INF/spring.factories} beside it on
 * S3Mock's {@code loader.path} (S3Mock ignores {@code context.initializer.classes}): binds its
 * plain-HTTP connector to 127.0.0.1. S3Mock adds that connector itself, with a port only, so Spring Boot's
 * {@code server.address} (which S3IT sets for the HTTPS one) does not reach it and it would listen on every
 * interface. Tomcat and Spring Boot's web server classes are reached by reflection: they are on S3Mock's class
 * path, not on this project's. Must use nothing else of this project: it is the only class S3Mock is given.
 */
public class S3MockLoopbackOnly implements ApplicationContextInitializer<ConfigurableApplicationContext>,
        BeanPostProcessor {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(this);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean.getClass().getSimpleName().equals("TomcatServletWebServerFactory")) {
            try {
                for (Object connector : (Collection<?>) bean.getClass().getMethod("getAdditionalTomcatConnectors")
                        .invoke(bean)) {
                    Object protocol = connector.getClass().getMethod("getProtocolHandler").invoke(connector);
                    protocol.getClass().getMethod("setAddress", java.net.InetAddress.class)
                            .invoke(protocol, java.net.InetAddress.getLoopbackAddress());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot bind S3Mock's HTTP connector to 127.0.0.1", e);
            }
        }
        return bean;
    }
}
