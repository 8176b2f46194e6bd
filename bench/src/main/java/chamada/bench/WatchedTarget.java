package chamada.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A Chamada target (native or HTTP) with live-view watchers on its classes: {@link SseWatchers}
 * opens its event streams on them for the whole run; once the check at the end has closed the
 * classes, and so ended the streams, it checks what each stream heard.
 */
public final class WatchedTarget extends LoadedTarget<WatchResult> {

    private final SseWatchers watchers;

    public WatchedTarget(Target inner, SseWatchers watchers) {
        super(inner);
        this.watchers = watchers;
    }

    @Override
    protected void startLoad(List<Integer> classIds) throws IOException {
        watchers.open(classIds);
    }

    @Override
    protected WatchResult finishLoad(Map<Integer, long[]> acknowledged, long inDoubt) {
        return watchers.finish(acknowledged, inDoubt);
    }

    @Override
    protected void closeLoad() {
        watchers.close();
    }
}
