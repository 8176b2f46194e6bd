package chamada.testing;

import chamada.client.ChamadaClient;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;

/** Many check-ins sent down one connection a thousand at a time, without waiting for each reply: a busy class, fast. */
public final class PipelinedCheckIns {

    private static final int BATCH = 1_000;

    private PipelinedCheckIns() {
    }

    /**
     * Checks in {@code count} new matrículas (1000000, 1000001, ...; a multiple of a thousand)
     * into {@code classId} through {@code client}; returns how many were acknowledged as new.
     */
    public static int send(ChamadaClient client, ClassId classId, int count) {
        return send(client, classId, 0, count);
    }

    /** As {@link #send(ChamadaClient, ClassId, int)}, from the {@code first}-th new matrícula on (a multiple of a thousand). */
    public static int send(ChamadaClient client, ClassId classId, int first, int count) {
        int acknowledged = 0;
        for (int sent = first; sent < first + count; sent += BATCH) {
            for (int i = sent; i < sent + BATCH; i++) {
                client.send(new Request.CheckIn(new Matricula(Integer.toString(1_000_000 + i)), classId));
            }
            client.flush();
            for (int i = 0; i < BATCH; i++) {
                if (client.receive() instanceof Response.CheckedIn checkedIn && !checkedIn.alreadyRegistered()) {
                    acknowledged++;
                }
            }
        }
        return acknowledged;
    }
}
