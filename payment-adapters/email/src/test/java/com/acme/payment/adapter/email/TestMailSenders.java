package com.acme.payment.adapter.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** SMTP clients pointed at a local test server, with timeouts short enough for a test. */
final class TestMailSenders {

    static final String HOST = "127.0.0.1";

    private TestMailSenders() {
    }

    static JavaMailSenderImpl smtp(int port) {
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost(HOST);
        mailSender.setPort(port);
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        properties.put("mail.smtp.writetimeout", "2000");
        mailSender.setJavaMailProperties(properties);
        return mailSender;
    }

    /** A port nothing listens on until the test starts a server there. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
