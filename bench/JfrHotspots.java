import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Hot spots of a JFR recording, as text: where the CPU samples are (by method and by package, self and
 * inclusive), where threads wait (park and monitor time by first non-JDK caller), what allocates most, and GC.
 * Run as a single-file program: {@code java bench/JfrHotspots.java recording.jfr [from to]}, where the optional
 * {@code from} and {@code to} (epoch milliseconds) keep only the events of that stretch of the recording.
 */
public class JfrHotspots {

    private static final int TOP = 20;

    /** Samples with a frame from one of these prefixes count for the subsystem (so subsystems overlap). */
    private static final Map<String, List<String>> SUBSYSTEMS = new LinkedHashMap<>();

    static {
        SUBSYSTEMS.put("app code (com.acme)", List.of("com.acme."));
        SUBSYSTEMS.put("Micrometer (observations, meters)", List.of("io.micrometer."));
        SUBSYSTEMS.put("Spring Security filters", List.of("org.springframework.security."));
        SUBSYSTEMS.put("database (pgjdbc, Hikari, spring-jdbc, transactions)", List.of("org.postgresql.",
                "com.zaxxer.", "org.springframework.jdbc.", "org.springframework.transaction."));
        SUBSYSTEMS.put("JSON (Jackson, Gson)", List.of("tools.jackson.", "com.fasterxml.", "com.google.gson."));
        SUBSYSTEMS.put("Stripe event verification", List.of("com.stripe."));
        SUBSYSTEMS.put("bean validation (incl. @Validated proxies)", List.of("org.hibernate.validator.",
                "org.springframework.validation.beanvalidation.MethodValidationInterceptor"));
        SUBSYSTEMS.put("email outbox (Jakarta Mail, Thymeleaf)", List.of("com.acme.payment.adapter.email.",
                "jakarta.mail.", "org.eclipse.angus.", "org.thymeleaf."));
        SUBSYSTEMS.put("HTTP parsing and socket I/O (Jetty)", List.of("org.eclipse.jetty."));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: java JfrHotspots.java recording.jfr [fromEpochMillis toEpochMillis]");
            System.exit(2);
        }
        Instant from = args.length == 3 ? Instant.ofEpochMilli(Long.parseLong(args[1])) : Instant.MIN;
        Instant to = args.length == 3 ? Instant.ofEpochMilli(Long.parseLong(args[2])) : Instant.MAX;
        Map<String, Long> selfMethods = new HashMap<>();
        Map<String, Long> selfPackages = new HashMap<>();
        Map<String, Long> inclusiveMethods = new HashMap<>();
        Map<String, Long> subsystems = new HashMap<>();
        Map<String, Long> waitNanos = new HashMap<>();
        Map<String, Long> allocationBytes = new HashMap<>();
        long samples = 0;
        long gcPauses = 0;
        Duration gcPause = Duration.ZERO;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                continue;
            }
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = stack.getFrames();
                    String top = name(frames.get(0));
                    selfMethods.merge(top, 1L, Long::sum);
                    selfPackages.merge(packageOf(frames.get(0)), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        if (seen.add(name(frame))) {
                            inclusiveMethods.merge(name(frame), 1L, Long::sum);
                        }
                    }
                    SUBSYSTEMS.forEach((subsystem, prefixes) -> {
                        if (seen.stream().anyMatch(method -> prefixes.stream().anyMatch(method::startsWith))) {
                            subsystems.merge(subsystem, 1L, Long::sum);
                        }
                    });
                }
                case "jdk.ThreadPark", "jdk.JavaMonitorEnter" -> {
                    if (stack != null && !stack.getFrames().isEmpty()) {
                        waitNanos.merge(type.substring(4) + " in " + firstApplicationFrame(stack),
                                event.getDuration().toNanos(), Long::sum);
                    }
                }
                case "jdk.ObjectAllocationSample" -> {
                    if (stack != null && !stack.getFrames().isEmpty()) {
                        allocationBytes.merge(firstApplicationFrame(stack), event.getLong("weight"), Long::sum);
                    }
                }
                case "jdk.GarbageCollection" -> {
                    gcPauses++;
                    gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
                }
                default -> {
                    // other events are not summarised
                }
            }
        }
        System.out.printf("%s: %d CPU samples, %d GCs with %d ms of pauses in total%n", args[0], samples, gcPauses,
                gcPause.toMillis());
        print("CPU, inclusive, by subsystem (a sample can count for several)", subsystems, samples, "samples");
        print("CPU, self, by method", selfMethods, samples, "samples");
        print("CPU, self, by package", selfPackages, samples, "samples");
        print("CPU, inclusive, by method", inclusiveMethods, samples, "samples");
        print("Waiting (park and monitor), by first caller outside the JDK, total ms", scale(waitNanos, 1_000_000), 0,
                "ms");
        print("Allocation (sampled weight), by first caller outside the JDK, MiB", scale(allocationBytes, 1 << 20), 0,
                "MiB");
    }

    private static void print(String title, Map<String, Long> counts, long total, String unit) {
        System.out.printf("%n== %s%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(TOP)
                .forEach(e -> System.out.printf(total > 0 ? "%8d %s %5.1f%%  %s%n" : "%8d %s%5s  %s%n",
                        e.getValue(), unit, total > 0 ? 100.0 * e.getValue() / total : "", e.getKey()));
    }

    private static Map<String, Long> scale(Map<String, Long> values, long divisor) {
        Map<String, Long> scaled = new HashMap<>();
        values.forEach((key, value) -> scaled.put(key, value / divisor));
        return scaled;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String packageOf(RecordedFrame frame) {
        String[] parts = frame.getMethod().getType().getName().split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
    }

    /** The frame that explains a wait or an allocation: the first one outside the JDK's own packages. */
    private static String firstApplicationFrame(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return name(frame) + ":" + frame.getLineNumber();
            }
        }
        return name(stack.getFrames().get(0));
    }
}
