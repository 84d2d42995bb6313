package io.linodejdbc.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Shared test data and WireMock helpers. Not a test itself. */
final class Fixtures {

  /** Distinctive so that any leak into a message or log is found by a plain substring search. */
  static final String TOKEN = "tok-SECRET-5f9c1e0d7a3b";

  private Fixtures() {}

  /** A config for a local WireMock: short retry delays so retry tests are quick. */
  static ApiConfig.Builder config(String baseUrl) {
    return ApiConfig.builder()
        .baseUrl(baseUrl)
        .token(TOKEN)
        .retryBaseDelay(Duration.ofMillis(5))
        .maxRetries(3)
        .readTimeout(Duration.ofSeconds(10));
  }

  static ApiConfig.Builder config(WireMockExtension wm) {
    return config(wm.baseUrl());
  }

  /** A list page envelope holding objects with the given ids. */
  static String page(int page, int pages, long results, List<Integer> ids) {
    return "{\"data\":[" + ids.stream().map(i -> "{\"id\":" + i + ",\"label\":\"t" + i + "\"}")
        .collect(Collectors.joining(",")) + "],\"page\":" + page + ",\"pages\":" + pages
        + ",\"results\":" + results + "}";
  }

  /** Ids from..to inclusive. */
  static List<Integer> ids(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toList());
  }

  /** The standard page {@code page} of a listing of ids 1..results. */
  static String standardPage(int page, int pageSize, int results) {
    int pages = Math.max(1, (results + pageSize - 1) / pageSize);
    int from = (page - 1) * pageSize + 1;
    int to = Math.min(results, page * pageSize);
    return page(page, pages, results, from > to ? List.of() : ids(from, to));
  }

  static ResponseDefinitionBuilder error(int status, String reason) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"errors\":[{\"reason\":\"" + reason + "\"}]}");
  }

  static ResponseDefinitionBuilder json(String body) {
    return okJson(body);
  }

  /** Stubs {@code responses} to be served in order, the last one for every request after that. */
  static void stubSequence(WireMockExtension wm, Supplier<MappingBuilder> request,
      ResponseDefinitionBuilder... responses) {
    String scenario = "seq-" + System.nanoTime();
    for (int i = 0; i < responses.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "step-" + i;
      ScenarioMappingBuilder m = request.get().inScenario(scenario).whenScenarioStateIs(state);
      m.willReturn(responses[i]);
      if (i + 1 < responses.length) {
        m.willSetStateTo("step-" + (i + 1));
      }
      wm.stubFor(m);
    }
  }
}
