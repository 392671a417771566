package dev.weft.dataplane.stats;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a running dataplane's counters from its loopback {@code /metrics} endpoint. */
public final class StatsClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private StatsClient() {}

  /**
   * The counters of the dataplane whose metrics endpoint listens on {@code port} of this machine's
   * loopback. An unreachable endpoint is an {@link IOException} naming it; a malformed answer a {@link
   * MetricsFormatException}.
   */
  public static DataplaneStats fetch(int port) throws IOException {
    URI uri = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port + "/metrics");
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(uri + " answered HTTP " + response.statusCode());
      }
      return StatsReader.read(new MetricsParser(uri.toString()).parse(response.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + uri, e);
    } catch (java.net.ConnectException e) {
      throw new IOException("no dataplane metrics endpoint at " + uri + " (is weft dataplane running with that --metrics-port?)", e);
    }
  }
}
