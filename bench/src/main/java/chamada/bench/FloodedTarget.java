package chamada.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A target under a {@link Flood}: the flood's connections are held through the whole run; after
 * the check at the end, the flood waits for the server to close them.
 */
public final class FloodedTarget extends LoadedTarget<FloodResult> {

    private final Flood flood;

    public FloodedTarget(Target inner, Flood flood) {
        super(inner);
        this.flood = flood;
    }

    @Override
    protected void startLoad(List<Integer> classIds) {
        flood.open();
    }

    @Override
    protected FloodResult finishLoad(Map<Integer, long[]> acknowledged, long inDoubt) throws IOException {
        try {
            return flood.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the flood's connections to be closed", e);
        }
    }

    @Override
    protected void closeLoad() {
        flood.close();
    }
}
