package bench.floor;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The same path and the same SELECT as the app's status poll, with nothing else around it. */
@SpringBootApplication
@RestController
public class FloorApp {

    private final JdbcTemplate jdbc;

    FloorApp(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/payment/status/{paymentId}")
    Map<String, Object> status(@PathVariable String paymentId) {
        return jdbc.queryForMap("""
                SELECT status, amount, currency, service_type, transaction_id, failure_message, refunded_amount,
                       updated_at, version
                  FROM payments
                 WHERE payment_id = ?
                """, paymentId);
    }

    public static void main(String[] args) {
        SpringApplication.run(FloorApp.class, args);
    }
}
