package io.modelscout.reports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket, with the JDK's HTTP client): open a page, record
 * every console message, uncaught exception, browser log entry (a Content-Security-Policy violation lands there) and
 * network request, run a script in the page, take a screenshot.
 */
final class Chromium implements AutoCloseable {
    /** How to get it; the CI script installs it. */
    static final String INSTALL = "Chromium is needed for the browser test: install Debian's package with"
            + " `sudo apt-get install chromium` (.ci/run installs it where /usr/bin/chromium is missing), or point the"
            + " CHROMIUM environment variable at a Chromium binary.";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A guard against a hang, not a measurement. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();
    private String session = "";

    private Chromium(Process process, WebSocket.Builder builder, URI endpoint) {
        this.process = process;
        this.socket = builder.buildAsync(endpoint, new Listener()).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /**
     * The Chromium binary: {@code $CHROMIUM}, else {@code chromium} or {@code chromium-browser} on the path.
     *
     * @return its path, or empty when there is none
     */
    static Optional<Path> find() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        var dirs = new ArrayList<String>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.add("/usr/bin");
        for (String dir : dirs) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts Chromium headless with a fresh profile and attaches to a new blank page.
     *
     * @param binary the binary
     * @param profile an empty folder for its profile
     * @return the driver
     * @throws IOException when it cannot start or does not open its DevTools endpoint
     */
    static Chromium start(Path binary, Path profile) throws IOException {
        var command = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "--window-size=1280,900", "about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        var endpoint = new CompletableFuture<URI>();
        var lines = new ArrayList<String>();
        var reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        endpoint.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IOException("Chromium exited before opening DevTools: " + lines));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        URI uri;
        try {
            uri = endpoint.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("Chromium did not open its DevTools endpoint: " + e.getMessage(), e);
        }
        var chromium = new Chromium(process, HttpClient.newHttpClient().newWebSocketBuilder(), uri);
        chromium.attach();
        return chromium;
    }

    /** Opens a blank page target and attaches to it with a flat session, so that its events reach this socket. */
    private void attach() {
        String target = call("Target.createTarget", Map.of("url", "about:blank")).get("targetId").asString();
        session = call("Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId")
                .asString();
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
            call(domain + ".enable", Map.of());
        }
    }

    /**
     * Navigates and waits for the load event, then a little longer for late messages.
     *
     * @param url the page
     */
    void open(String url) throws InterruptedException {
        call("Page.navigate", Map.of("url", url));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (events("Page.loadEventFired").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the page did not finish loading: " + url);
            }
            Thread.sleep(50);
        }
        // Console messages and failed requests may trail the load event; they are asynchronous.
        Thread.sleep(1000);
    }

    /**
     * Evaluates an expression in the page.
     *
     * @param expression JavaScript
     * @return its value as JSON
     */
    JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
        }
        return result.at("/result/value");
    }

    /**
     * A full-page PNG.
     *
     * @return the image
     */
    byte[] screenshot() {
        JsonNode metrics = call("Page.getLayoutMetrics", Map.of());
        double width = metrics.at("/cssContentSize/width").asDouble();
        double height = Math.min(metrics.at("/cssContentSize/height").asDouble(), 16_000);
        String data = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1))).get("data").asString();
        return java.util.Base64.getDecoder().decode(data);
    }

    /**
     * Console errors, uncaught exceptions and error log entries, as text.
     *
     * @return one line per problem
     */
    List<String> errors() {
        var errors = new ArrayList<String>();
        for (JsonNode e : events("Runtime.consoleAPICalled")) {
            String type = e.at("/params/type").asString();
            if (type.equals("error") || type.equals("assert")) {
                errors.add("console." + type + ": " + e.at("/params/args"));
            }
        }
        for (JsonNode e : events("Runtime.exceptionThrown")) {
            errors.add("exception: " + e.at("/params/exceptionDetails"));
        }
        for (JsonNode e : events("Log.entryAdded")) {
            if (e.at("/params/entry/level").asString().equals("error")) {
                errors.add("log: " + e.at("/params/entry/text").asString() + " " + e.at("/params/entry/url"));
            }
        }
        return errors;
    }

    /**
     * Every URL the page asked for, the page itself included.
     *
     * @return the URLs in order
     */
    List<String> requests() {
        return events("Network.requestWillBeSent").stream().map(e -> e.at("/params/request/url").asString())
                .toList();
    }

    private List<JsonNode> events(String method) {
        synchronized (events) {
            return events.stream().filter(e -> e.path("method").asString("").equals(method)).toList();
        }
    }

    private JsonNode call(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (!session.isEmpty()) {
            message.put("sessionId", session);
        }
        var reply = new CompletableFuture<JsonNode>();
        pending.put(id, reply);
        socket.sendText(JSON.writeValueAsString(message), true).join();
        JsonNode answer = reply.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                if (message.has("id")) {
                    var reply = pending.remove(message.get("id").asInt());
                    if (reply != null) {
                        reply.complete(message);
                    }
                } else {
                    synchronized (events) {
                        events.add(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            session = "";
            call("Browser.close", Map.of());
        } catch (RuntimeException _) {
            // It may close the socket before answering.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException _) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
