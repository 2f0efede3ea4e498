package io.tailguard.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A loopback HTTP server (port 0) answering with recorded responses. Each route is a path plus an optional query
 * fragment; its responses are served in order, the last one repeating. Routes win over a computed responder for the
 * same path; unmatched requests get 404. Every request is
 * kept for assertions (path, query, headers).
 */
public final class RecordedHttpServer implements AutoCloseable {
    public record Response(int status, String body) {
    }

    public record Request(String path, String query, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private record Route(String path, String queryFragment, List<Response> responses, int[] served) {
    }

    private final HttpServer server;
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Function<Request, Response>> dynamic = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    public RecordedHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves the given responses in order to requests on {@code path} whose query contains {@code queryFragment}. */
    public RecordedHttpServer route(String path, String queryFragment, Response... responses) {
        routes.add(0, new Route(path, queryFragment, List.of(responses), new int[1]));
        return this;
    }

    /** Answers every request on {@code path} with a computed response. */
    public RecordedHttpServer route(String path, Function<Request, Response> responder) {
        dynamic.put(path, responder);
        return this;
    }

    public static Response ok(String body) {
        return new Response(200, body);
    }

    public static Response status(int status, String body) {
        return new Response(status, body);
    }

    /** The text of a file under {@code src/test/resources/recorded/}. */
    public static String recorded(String name) {
        try (InputStream in = RecordedHttpServer.class.getResourceAsStream("/recorded/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded response " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        Request request = new Request(path, query, Map.copyOf(exchange.getRequestHeaders()));
        requests.add(request);
        Response response = null;
        synchronized (routes) {
            for (Route route : routes) {
                if (route.path().equals(path) && query.contains(route.queryFragment())) {
                    int index = Math.min(route.served()[0]++, route.responses().size() - 1);
                    response = route.responses().get(index);
                    break;
                }
            }
        }
        Function<Request, Response> responder = dynamic.get(path);
        if (response == null && responder != null) {
            response = responder.apply(request);
        }
        if (response == null) {
            response = new Response(404, "{\"error\":\"no recorded response\"}");
        }
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
