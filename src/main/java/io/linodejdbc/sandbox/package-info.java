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
 *
 * <p>The choices, in one place (details on the classes named):
 * <ul>
 *   <li>NULL labels never match {@code =}, {@code +contains}, {@code +gt/+gte/+lt/+lte}; they do
 *       match {@code +neq}; JSON {@code null} as a filter operand is a 400 ({@code TokenFilter}).
 *   <li>{@code +order_by}: ties broken by id ascending in both directions; NULL labels first in
 *       {@code asc}, last in {@code desc}; default order id ascending ({@code TokenOrdering}).
 *   <li>A page past the end answers 200 with empty {@code data} and the true {@code pages} and
 *       {@code results} ({@code PageRequest}).
 *   <li>PUT changes only {@code label}; read-only fields equal to the current values are ignored,
 *       different ones are a 400 "… cannot be changed"; {@code "label": null} is a 400
 *       ({@code UpdateTokenRequest}).
 *   <li>POST: unknown fields are a 400; omitted/{@code *} scopes store {@code *}; a null expiry
 *       is stored as null; new scopes are not checked against the acting token's
 *       ({@code CreateTokenRequest}).
 *   <li>Ids are never reused after a delete ({@link io.linodejdbc.sandbox.TokenStore}).
 *   <li>Deleting the stored token whose secret is the acting token makes every later request a
 *       401, as on the real API ({@code Authenticator}).
 *   <li>Expired tokens are still listed: the store is the whole truth.
 *   <li>Checks run in this order: latency, 401, 404/405, 429 (list only), then 400/404.
 * </ul>
 */
package io.linodejdbc.sandbox;
