package io.linodejdbc.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.linodejdbc.api.Fixtures.error;
import static io.linodejdbc.api.Fixtures.ids;
import static io.linodejdbc.api.Fixtures.page;
import static io.linodejdbc.api.Fixtures.standardPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.linodejdbc.api.LinodeApiException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pagination through {@link LinodeClient#list}: requests made, order, laziness, consistency checks. */
class PageCursorTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PATH = "/profile/tokens";
  private LinodeClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private LinodeClient client(ApiConfig.Builder config) {
    client = new LinodeClient(config.build());
    return client;
  }

  private static MappingBuilder pageRequest(int page, int size) {
    return get(urlPathEqualTo(PATH)).withQueryParam("page", equalTo(String.valueOf(page)))
        .withQueryParam("page_size", equalTo(String.valueOf(size)));
  }

  private static void stubPage(int page, int size, ResponseDefinitionBuilder response) {
    wm.stubFor(pageRequest(page, size).willReturn(response));
  }

  /** Stubs a consistent listing of ids 1..results. */
  private static void stubListing(int results, int size, int delayMs) {
    int pages = Math.max(1, (results + size - 1) / size);
    for (int p = 1; p <= pages; p++) {
      stubPage(p, size, okJson(standardPage(p, size, results)).withFixedDelay(p == 1 ? 0 : delayMs));
    }
  }

  private static List<Integer> drain(RowCursor cursor) {
    List<Integer> ids = new ArrayList<>();
    try (cursor) {
      cursor.forEachRemaining(o -> ids.add(o.get("id").asInt()));
    }
    return ids;
  }

  @Test
  void readsAllPagesInOrderWithExactlyOneRequestPerPage() {
    stubListing(1234, 500, 0);
    List<Integer> got = drain(client(Fixtures.config(wm)).list(ListRequest.builder(PATH).build()));
    assertThat(got).isEqualTo(ids(1, 1234));
    wm.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
    assertThat(client.requestCount()).isEqualTo(3);
  }

  @Test
  void manyPagesConcurrentlyStillArriveInOrder() {
    // Later pages answer faster than earlier ones would, to expose any out-of-order delivery.
    int size = 25;
    int results = 25 * 9 + 3;
    for (int p = 1; p <= 10; p++) {
      stubPage(p, size, okJson(standardPage(p, size, results)).withFixedDelay(p == 1 ? 0 : (11 - p) * 20));
    }
    List<Integer> got = drain(client(Fixtures.config(wm).pageSize(25)).list(ListRequest.builder(PATH).build()));
    assertThat(got).isEqualTo(ids(1, results));
    assertThat(client.requestCount()).isEqualTo(10);
  }

  @Test
  void pageSizeOfTheRequestOverridesTheConfig() {
    stubListing(30, 25, 0);
    assertThat(drain(client(Fixtures.config(wm)).list(ListRequest.builder(PATH).pageSize(25).build())))
        .isEqualTo(ids(1, 30));
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("page", equalTo("2"))
        .withQueryParam("page_size", equalTo("25")));
  }

  @Test
  void emptyListingIsOneRequestAndNoRows() {
    stubPage(1, 500, okJson("{\"data\":[],\"page\":1,\"pages\":1,\"results\":0}"));
    assertThat(drain(client(Fixtures.config(wm)).list(ListRequest.builder(PATH).build()))).isEmpty();
    assertThat(client.requestCount()).isEqualTo(1);
  }

  @Test
  void nothingIsFetchedBeforeTheFirstHasNext() {
    stubListing(10, 500, 0);
    RowCursor cursor = client(Fixtures.config(wm)).list(ListRequest.builder(PATH).build());
    assertThat(client.requestCount()).isZero();
    assertThat(cursor.hasNext()).isTrue();
    assertThat(client.requestCount()).isEqualTo(1);
    cursor.close();
  }

  @Test
  void prefetchRowsFiveMakesExactlyOneRequest() throws Exception {
    stubListing(1234, 500, 0);
    RowCursor cursor = client(Fixtures.config(wm)).list(ListRequest.builder(PATH).prefetchRows(5).build());
    for (int i = 1; i <= 5; i++) {
      assertThat(cursor.next().get("id").asInt()).isEqualTo(i);
    }
    cursor.close();
    Thread.sleep(300);
    assertThat(client.requestCount()).isEqualTo(1);
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void pagesBeyondThePrefetchHintAreFetchedOnDemand() {
    stubListing(1234, 500, 0);
    RowCursor cursor = client(Fixtures.config(wm)).list(ListRequest.builder(PATH).prefetchRows(5).build());
    // The consumer read past its hint: the rest must still come, just not eagerly.
    assertThat(drain(cursor)).isEqualTo(ids(1, 1234));
    assertThat(client.requestCount()).isEqualTo(3);
  }

  @Test
  void closingAfterPageOneStopsFurtherRequests() throws Exception {
    // An earlier test's client can still have requests in flight that land in this test's journal
    // (seen twice in full runs, even after this test began): this test's requests carry a token
    // of their own.
    String token = "closing-after-page-one";
    int size = 25;
    stubListing(size * 20, size, 200);
    RowCursor cursor = client(Fixtures.config(wm).token(token).pageSize(size)
        .maxConcurrentRequests(2)).list(ListRequest.builder(PATH).build());
    for (int i = 0; i < size; i++) {
      cursor.next();
    }
    cursor.close();
    long atClose = client.requestCount();
    Thread.sleep(800);
    assertThat(client.requestCount()).isEqualTo(atClose);
    // Page 1 plus at most the look-ahead window, never the 20 pages of the listing.
    assertThat(atClose).isLessThanOrEqualTo(1 + 2);
    assertThat(wm.getAllServeEvents().stream()
        .filter(e -> ("Bearer " + token).equals(e.getRequest().getHeader("Authorization")))
        .count())
        .isBetween(1L, atClose);
  }

  @Test
  void closingWithAPageHintOfOnePageRequestsNothingMore() throws Exception {
    int size = 25;
    stubListing(size * 20, size, 0);
    RowCursor cursor = client(Fixtures.config(wm).pageSize(size))
        .list(ListRequest.builder(PATH).prefetchRows(size).build());
    for (int i = 0; i < size; i++) {
      cursor.next();
    }
    cursor.close();
    Thread.sleep(300);
    assertThat(client.requestCount()).isEqualTo(1);
  }

  @Test
  void closeFromAnotherThreadCancelsAWaitingConsumer() throws Exception {
    stubPage(1, 500, okJson(standardPage(1, 500, 3)).withFixedDelay(20_000));
    RowCursor cursor = client(Fixtures.config(wm)).list(ListRequest.builder(PATH).build());
    CompletableFuture<Boolean> consumer = CompletableFuture.supplyAsync(cursor::hasNext);
    Thread.sleep(300);
    cursor.close();
    Throwable failure = catchThrowableOfType(java.util.concurrent.ExecutionException.class,
        () -> consumer.get(15, TimeUnit.SECONDS)).getCause();
    assertThat(failure).isInstanceOfSatisfying(LinodeApiException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
  }

  @Test
  void failingPageTwoFailsTheCursorInsteadOfEndingIt() {
    stubPage(1, 500, okJson(standardPage(1, 500, 1234)));
    stubPage(2, 500, error(500, "Internal error"));
    stubPage(3, 500, okJson(standardPage(3, 500, 1234)));
    RowCursor cursor = client(Fixtures.config(wm)).list(ListRequest.builder(PATH).build());
    int read = 0;
    LinodeApiException failure = null;
    try {
      while (cursor.hasNext()) {
        cursor.next();
        read++;
      }
    } catch (LinodeApiException e) {
      failure = e;
    }
    assertThat(read).isEqualTo(500);
    assertThat(failure).isNotNull();
    assertThat(failure.status()).isEqualTo(500);
    assertThat(failure.path()).isEqualTo(PATH + "?page=2&page_size=500");
    assertThat(failure.errors()).extracting(ApiError::reason).containsExactly("Internal error");
    // Asking again must not turn the failure into a silent end.
    assertThatThrownBy(cursor::hasNext).isSameAs(failure);
    assertThatThrownBy(cursor::next).isSameAs(failure);
  }

  @Test
  void retryablePageFailureIsRetriedTransparently() {
    stubListing(600, 500, 0);
    Fixtures.stubSequence(wm, () -> pageRequest(2, 500), error(503, "busy"), okJson(standardPage(2, 500, 600)));
    assertThat(drain(client(Fixtures.config(wm)).list(ListRequest.builder(PATH).build()))).isEqualTo(ids(1, 600));
    assertThat(client.requestCount()).isEqualTo(3);
  }

  @Test
  void changedResultsCountIsAnInconsistentListing() {
    stubPage(1, 500, okJson(standardPage(1, 500, 1000)));
    stubPage(2, 500, okJson(page(2, 2, 999, ids(501, 999))));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> drain(client(Fixtures.config(wm)).list(ListRequest.builder(PATH).build())));
    assertThat(e.kind()).isEqualTo(Kind.INCONSISTENT_LISTING);
    assertThat(e.getMessage()).contains("changed while it was being read").contains("run the query again");
  }

  /** Rows as the ids of the objects, read token by token; the object with id 28 is refused. */
  private static final RowDecoder<Integer> IDS = new RowDecoder<>() {
    @Override public Integer decode(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
      Integer id = null;
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        p.nextToken();
        if (name.equals("id")) {
          id = p.getIntValue();
        } else {
          p.skipChildren();
        }
      }
      if (id != null && id == 28) {
        throw new IllegalArgumentException("refused 28");
      }
      return id;
    }

    @Override public Object id(Integer row) {
      return row;
    }
  };

  @Test
  void theIdSetAgreesWithAHashSet() {
    PageCursor.IdSet ids = new PageCursor.IdSet();
    java.util.Set<Object> reference = new java.util.HashSet<>();
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    for (int i = 0; i < 50_000; i++) {
      int kind = rng.nextInt(10);
      Object id = kind == 0 ? (Object) (long) rng.nextInt(-50, 3000) : kind == 1 ? "s" + rng.nextInt(300)
          : kind == 2 ? (Object) rng.nextInt() : (Object) rng.nextInt(-50, 30_000);
      assertThat(ids.add(id)).as("add %s (%s)", id, id.getClass().getSimpleName()).isEqualTo(reference.add(id));
    }
    assertThat(ids.add(0)).isEqualTo(reference.add(0));
    assertThat(ids.add(0)).isFalse();
    assertThat(ids.add(0L)).isEqualTo(reference.add(0L));
  }

  @Test
  void decodedRowsArriveInOrderAndARefusedRowFailsTheCursorWhereItIs() {
    stubListing(60, 25, 0);
    List<Integer> got = new ArrayList<>();
    ListCursor<Integer> cursor = client(Fixtures.config(wm).pageSize(25))
        .list(ListRequest.builder(PATH).build(), IDS);
    assertThatThrownBy(() -> cursor.forEachRemaining(got::add)).hasMessage("refused 28");
    assertThat(got).as("the rows before the refused one").isEqualTo(ids(1, 27));
    assertThatThrownBy(cursor::hasNext).as("the failure is final").hasMessage("refused 28");
  }

  @Test
  void decodedRowsAreCheckedForDuplicateIdsLikeTrees() {
    stubPage(1, 25, okJson(standardPage(1, 25, 30)));
    stubPage(2, 25, okJson(page(2, 2, 30, ids(20, 24))));
    ListCursor<Integer> cursor = client(Fixtures.config(wm).pageSize(25))
        .list(ListRequest.builder(PATH).build(), IDS);
    List<Integer> got = new ArrayList<>();
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class, () -> cursor.forEachRemaining(got::add));
    assertThat(e.kind()).isEqualTo(Kind.INCONSISTENT_LISTING);
    assertThat(e.getMessage()).contains("id 20 appeared twice");
    assertThat(got).isEqualTo(ids(1, 25));
  }

  @Test
  void duplicateIdAcrossPagesIsAnInconsistentListing() {
    stubPage(1, 25, okJson(standardPage(1, 25, 30)));
    List<Integer> shifted = ids(25, 29); // id 25 was already on page 1: a row was removed before page 2
    stubPage(2, 25, okJson(page(2, 2, 30, shifted)));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> drain(client(Fixtures.config(wm).pageSize(25)).list(ListRequest.builder(PATH).build())));
    assertThat(e.kind()).isEqualTo(Kind.INCONSISTENT_LISTING);
    assertThat(e.getMessage()).contains("id 25 appeared twice");
  }

  @Test
  void shortNonLastPageIsAnInconsistentListing() {
    stubPage(1, 25, okJson(page(1, 2, 30, ids(1, 24))));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> drain(client(Fixtures.config(wm).pageSize(25)).list(ListRequest.builder(PATH).build())));
    assertThat(e.kind()).isEqualTo(Kind.INCONSISTENT_LISTING);
  }

  @Test
  void wrongPageNumberIsAnInconsistentListing() {
    stubPage(1, 25, okJson(standardPage(1, 25, 30)));
    stubPage(2, 25, okJson(page(1, 2, 30, ids(26, 30))));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> drain(client(Fixtures.config(wm).pageSize(25)).list(ListRequest.builder(PATH).build())));
    assertThat(e.kind()).isEqualTo(Kind.INCONSISTENT_LISTING);
    assertThat(e.getMessage()).contains("asked for page 2, got page 1");
  }

  @Test
  void missingDataArrayOrTruncatedPageIsMalformed() {
    stubPage(1, 500, okJson("{\"page\":1,\"pages\":1,\"results\":0}"));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> drain(client(Fixtures.config(wm)).list(ListRequest.builder(PATH).build())));
    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    assertThat(e.getMessage()).contains("\"data\"");

    stubPage(1, 500, okJson("{\"data\":[{\"id\":1"));
    LinodeApiException truncated = catchThrowableOfType(LinodeApiException.class,
        () -> drain(client.list(ListRequest.builder(PATH).build())));
    assertThat(truncated.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
  }

  @Test
  void xFilterTravelsAsAsciiJsonThatRoundTrips() throws Exception {
    stubListing(1, 500, 0);
    ObjectNode filter = JsonNodeFactory.instance.objectNode();
    filter.putArray("+or").add(JsonNodeFactory.instance.objectNode().put("label", "日本"))
        .add(JsonNodeFactory.instance.objectNode().put("label", "İstanbul"));
    drain(client(Fixtures.config(wm)).list(ListRequest.builder(PATH).xFilter(filter).build()));
    LoggedRequest request = wm.getAllServeEvents().get(0).getRequest();
    String header = request.getHeader("X-Filter");
    assertThat(header.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    assertThat(header.toLowerCase()).contains("\\u65e5\\u672c").contains("\\u0130stanbul");
    assertThat(WireJson.mapper().readTree(header)).isEqualTo(filter);
  }

  @Test
  void fetchSizeFiftyReadingFiftyRowsMakesExactlyOneRequest() throws Exception {
    stubListing(20_000, 500, 0);
    RowCursor cursor = client(Fixtures.config(wm)).list(ListRequest.builder(PATH).fetchSize(50).build());
    for (int i = 1; i <= 50; i++) {
      assertThat(cursor.next().get("id").asInt()).isEqualTo(i);
    }
    Thread.sleep(300); // a look-ahead, if one had been scheduled, would have gone out by now
    cursor.close();
    assertThat(client.requestCount()).isEqualTo(1);
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("page", equalTo("1"))
        .withQueryParam("page_size", equalTo("500")));
  }

  @Test
  void withoutAFetchSizeTheSameReadFetchesAhead() throws Exception {
    stubListing(20_000, 500, 0);
    RowCursor cursor = client(Fixtures.config(wm)).list(ListRequest.builder(PATH).build());
    for (int i = 1; i <= 50; i++) {
      assertThat(cursor.next().get("id").asInt()).isEqualTo(i);
    }
    Thread.sleep(300);
    cursor.close();
    assertThat(client.requestCount()).isGreaterThan(1); // what the fetch size saves
  }

  @Test
  void fetchSizeLargerThanTheConfiguredPageSizeAsksForPagesThatHoldIt() throws Exception {
    stubListing(1000, 50, 0);
    stubListing(1000, 25, 0);
    RowCursor cursor = client(Fixtures.config(wm).pageSize(25))
        .list(ListRequest.builder(PATH).fetchSize(50).build());
    for (int i = 1; i <= 50; i++) {
      assertThat(cursor.next().get("id").asInt()).isEqualTo(i);
    }
    Thread.sleep(300);
    cursor.close();
    assertThat(client.requestCount()).isEqualTo(1);
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("page_size", equalTo("50")));
    assertThat(LinodeClient.pageSizeFor(25, 50)).isEqualTo(50);
    assertThat(LinodeClient.pageSizeFor(500, 50)).isEqualTo(500);
    assertThat(LinodeClient.pageSizeFor(100, 10_000)).isEqualTo(500);
  }

  @Test
  void readingPastTheFetchSizeFetchesEveryPageOnceInOrder() {
    stubListing(20_000, 500, 0);
    List<Integer> got = drain(client(Fixtures.config(wm)).list(ListRequest.builder(PATH).fetchSize(50).build()));
    assertThat(got).isEqualTo(ids(1, 20_000));
    assertThat(client.requestCount()).isEqualTo(40);
    for (int p = 1; p <= 40; p++) {
      wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("page", equalTo(String.valueOf(p))));
    }
  }

  @Test
  void aFetchSizeOfTwoPagesFetchesBothAndNoMore() throws Exception {
    stubListing(20_000, 500, 0);
    RowCursor cursor = client(Fixtures.config(wm)).list(ListRequest.builder(PATH).fetchSize(1000).build());
    for (int i = 1; i <= 1000; i++) {
      assertThat(cursor.next().get("id").asInt()).isEqualTo(i);
    }
    Thread.sleep(300);
    cursor.close();
    assertThat(client.requestCount()).isEqualTo(2);
  }
}
