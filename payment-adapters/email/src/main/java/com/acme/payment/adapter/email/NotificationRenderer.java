package com.acme.payment.adapter.email;

import com.acme.payment.domain.model.TypedText;
import com.acme.payment.domain.notification.Notification;
import com.acme.payment.domain.notification.NotificationKind;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification from the Thymeleaf templates in {@code mail-templates/}: {@code <kind>.html} (HTML mode,
 * so {@code th:text} escapes what customers typed), {@code <kind>.txt} and {@code <kind>-subject.txt} (TEXT mode,
 * nothing escaped). Thread-safe; create one and share it.
 */
public class NotificationRenderer {

    private static final String TEMPLATE_FOLDER = "mail-templates/";

    private final TemplateEngine engine = new TemplateEngine();

    public NotificationRenderer() {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html"));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt"));
    }

    public RenderedEmail render(Notification notification) {
        String template = templateName(notification.kind());
        // Also done for rows queued before names were checked: a line break would forge lines in the text part.
        Map<String, Object> variables = new HashMap<>();
        notification.data().forEach((key, value) -> variables.put(key, TypedText.replaceForbidden(value)));
        Context context = new Context(Locale.ENGLISH, variables);
        return new RenderedEmail(
                oneLine(engine.process(template + "-subject.txt", context)),
                engine.process(template + ".html", context),
                engine.process(template + ".txt", context));
    }

    /** RECEIPT becomes "receipt", FAILURE_NOTICE "failure-notice". */
    static String templateName(NotificationKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A header must not break across lines, whatever the template's layout. */
    private static String oneLine(String subject) {
        return subject.strip().replaceAll("\\s+", " ");
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(NotificationRenderer.class.getClassLoader());
        resolver.setPrefix(TEMPLATE_FOLDER);
        resolver.setTemplateMode(mode);
        resolver.getResolvablePatternSpec().addPattern(pattern);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        return resolver;
    }
}
