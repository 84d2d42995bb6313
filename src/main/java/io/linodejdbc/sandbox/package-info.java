/**
 * An in-memory, loopback-only imitation of the Linode API v4 personal-access-token endpoints.
 *
 * <p>Why it exists: end-to-end tests, the {@code linode-sql --sandbox} demo and the benchmarks
 * need a server that behaves like {@code https://api.linode.com/v4/profile/tokens} (paging,
 * {@code X-Filter}, error envelopes, rate limits) without a real account or network. It is an
 * independent implementation of the server side: it must not import Calcite, anything SQL, or the
 * driver's own {@code api} package, so that driver bugs cannot be mirrored by the sandbox.
 *
 * <p>Where the real API's behaviour is undocumented (case sensitivity of label filters, NULL
 * labels, collation) the sandbox makes a documented choice, and {@link
 * io.linodejdbc.sandbox.LabelMatching} lets tests flip the one that matters most; the driver must
 * be correct whichever choice a server makes.
 */
package io.linodejdbc.sandbox;
