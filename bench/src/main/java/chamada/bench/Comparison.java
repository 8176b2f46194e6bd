package chamada.bench;

/**
 * Chamada and Redis at the same number of connections, in the same invocation: the ratios
 * are what the targets are about, since the machine is too noisy for absolute numbers.
 */
public record Comparison(RunResult chamada, RunResult redis) {

    public Comparison {
        if (chamada.plan().connections() != redis.plan().connections()) {
            throw new IllegalArgumentException("compare runs at the same number of connections, got "
                    + chamada.plan().connections() + " and " + redis.plan().connections());
        }
    }

    public int connections() {
        return chamada.plan().connections();
    }

    /** Chamada's check-ins per second over Redis's: the target is at least 1.0. */
    public double throughputRatio() {
        return ratio(chamada.throughput(), redis.throughput());
    }

    /** Chamada's p99 over Redis's: the target is at most 1.0. */
    public double p99Ratio() {
        return ratio(chamada.latency().p99(), redis.latency().p99());
    }

    /** Whether Chamada met both targets in this pair of runs, and both runs passed their checks. */
    public boolean targetsMet() {
        return chamada.passed() && redis.passed() && throughputRatio() >= 1.0 && p99Ratio() <= 1.0;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
