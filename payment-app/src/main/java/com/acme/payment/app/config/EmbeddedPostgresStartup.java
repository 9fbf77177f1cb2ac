package com.acme.payment.app.config;

import com.acme.payment.adapter.postgres.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * With no SPRING_DATASOURCE_URL, starts the embedded PostgreSQL (creating the cluster on first use, and
 * extracting its binaries on the machine's first: seconds) on a thread of its own as soon as the context starts
 * to refresh, while Spring reads the configuration classes and builds the web server; the
 * {@code embeddedPostgres} bean is that server, waited for by the first bean that needs it. At refresh, not
 * earlier, so that every property source (a test's too) is in.
 * Listed in META-INF/spring.factories, so test contexts start the same way.
 */
public class EmbeddedPostgresStartup implements ApplicationContextInitializer<GenericApplicationContext> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresStartup.class);

    @Override
    public void initialize(GenericApplicationContext context) {
        context.addBeanFactoryPostProcessor(new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                Binder configuration = Binder.get(context.getEnvironment());
                if (configuration.bind("spring.datasource.url", String.class).orElse("").isBlank()) {
                    start(context, configuration.bind("payment.data-dir", Path.class).get().toAbsolutePath(),
                            configuration.bind("payment.postgres-binaries-dir", Path.class).get());
                }
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            }
        });
    }

    private static void start(GenericApplicationContext context, Path dataDir, Path binariesDir) {
        CompletableFuture<EmbeddedPostgresServer> starting = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                starting.complete(EmbeddedPostgresServer.start(dataDir, binariesDir));
            } catch (Throwable failure) {
                starting.completeExceptionally(failure);
            }
        }, "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        // After every context has closed, so also when the app fails to start before the bean took the server.
        SpringApplication.getShutdownHandlers().add(() -> starting.thenAccept(EmbeddedPostgresServer::close));
        context.registerBean("embeddedPostgres", EmbeddedPostgresServer.class, () -> started(starting, dataDir),
                definition -> definition.setDestroyMethodName("close"));
    }

    private static EmbeddedPostgresServer started(CompletableFuture<EmbeddedPostgresServer> starting, Path dataDir) {
        EmbeddedPostgresServer server;
        try {
            server = starting.join();
        } catch (CompletionException failure) {
            throw failure.getCause() instanceof RuntimeException cause ? cause : failure;
        }
        LOG.info("No SPRING_DATASOURCE_URL set: started embedded PostgreSQL on port {} with its data in {}. Other "
                + "instances can share it with SPRING_DATASOURCE_URL={} SPRING_DATASOURCE_USERNAME={} and "
                + "SPRING_DATASOURCE_PASSWORD set to the content of {}", server.port(),
                dataDir.resolve(EmbeddedPostgresServer.CLUSTER_DIRECTORY), server.jdbcUrl(), server.username(),
                server.passwordFile());
        return server;
    }
}
