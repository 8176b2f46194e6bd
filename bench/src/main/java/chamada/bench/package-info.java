/**
 * The load benchmark behind {@code chamada bench} and {@code bench/compare.sh}: a closed-loop
 * generator ({@link chamada.bench.LoadGenerator}) that drives a {@link chamada.bench.Target},
 * Chamada over its native port or its web front's JSON API ({@link chamada.bench.HttpTarget}), or
 * Redis, then checks that every acknowledged check-in is counted exactly once
 * ({@link chamada.bench.ExactlyOnceCheck}). Live-view event streams
 * ({@link chamada.bench.SseWatchers}) can be kept open on the classes meanwhile.
 *
 * <p>Threads. The check-ins run on one Netty event loop ({@code LaneLoops}), each connection a
 * lane with its own closed loop ({@code ClosedLoop}) and no thread of its own, so that 10,000
 * connections cost the generator little more than their sockets and each check-in little of the
 * cores the server shares; native and Redis lanes speak their line protocols on the loop
 * ({@code LineLane}), HTTP lanes hand Jetty's replies to it. Each loop keeps its own latency
 * histogram and list of acknowledged check-ins, merged once the run is over. Set-up and the final
 * check use the ordinary blocking clients ({@code ChamadaClient}, Jedis, Jetty), a few
 * connections at once ({@code Parallel}).
 *
 * <p>Everything here talks to 127.0.0.1 or whatever host it is given, and every loop is bounded
 * by the plan's duration and timeouts. See BENCHMARKS.md for results and how to read them.
 */
package chamada.bench;
