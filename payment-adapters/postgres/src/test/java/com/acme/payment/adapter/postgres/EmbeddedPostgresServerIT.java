package com.acme.payment.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.testing.PaymentFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class EmbeddedPostgresServerIT {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsPaymentsAcrossARestartOnTheSameDataDirectory() {
        Payment payment = PaymentFixtures.succeededPayment();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory)) {
            LiquibaseMigrator.migrate(server.dataSource());
            new JdbcPaymentRepository(JdbcClient.create(server.dataSource())).insert(payment);
        }

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDirectory)) {
            LiquibaseMigrator.migrate(restarted.dataSource());
            JdbcPaymentRepository repository = new JdbcPaymentRepository(JdbcClient.create(restarted.dataSource()));

            assertThat(repository.findById(payment.id())).get().extracting(Payment::snapshot)
                    .isEqualTo(payment.snapshot());
            assertThat(repository.findHistory(payment.id())).hasSize(2);
        }
    }

    @Test
    void runsWithDurableCommits() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory)) {
            JdbcClient jdbc = JdbcClient.create(server.dataSource());

            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW full_page_writes").query(String.class).single()).isEqualTo("on");
        }
    }

    @Test
    void servesItsJdbcUrlOnLocalhost() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory)) {
            JdbcClient overUrl = JdbcClient.create(new DriverManagerDataSource(
                    server.jdbcUrl(), server.username(), ""));

            assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + server.port() + "/postgres");
            assertThat(overUrl.sql("SELECT current_user").query(String.class).single()).isEqualTo("postgres");
            assertThat(overUrl.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("localhost");
        }
    }

    @Test
    void refusesToStartASecondServerOnADataDirectoryInUse() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDirectory).close())
                    .isInstanceOf(IllegalStateException.class);
            assertThat(JdbcClient.create(server.dataSource()).sql("SELECT 1").query(Integer.class).single())
                    .isEqualTo(1);
        }
    }
}
