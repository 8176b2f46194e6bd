/**
 * The load benchmark behind {@code chamada bench} and {@code bench/compare.sh}: a closed-loop
 * generator ({@link chamada.bench.LoadGenerator}) that drives a {@link chamada.bench.Target},
 * Chamada through the one client library or through its web front's JSON API
 * ({@link chamada.bench.HttpTarget}), or Redis through Jedis, then checks that every acknowledged
 * check-in is counted exactly once ({@link chamada.bench.ExactlyOnceCheck}). Live-view event
 * streams ({@link chamada.bench.SseWatchers}) can be kept open on the classes meanwhile.
 *
 * <p>Threads. One virtual thread per connection, so 10,000 connections cost the generator little
 * more than their sockets; they share counters and one HdrHistogram {@code ConcurrentHistogram}
 * of latencies (one per connection would be 10,000 copies), and each keeps its own list of
 * acknowledged check-ins, read once the run is over. Set-up and the final check use a few
 * connections at once ({@code Parallel}).
 *
 * <p>Everything here talks to 127.0.0.1 or whatever host it is given, and every loop is bounded
 * by the plan's duration and timeouts. See BENCHMARKS.md for results and how to read them.
 */
package chamada.bench;
