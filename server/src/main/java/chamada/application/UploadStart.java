package chamada.application;

import chamada.materials.Upload;
import chamada.protocol.Response;

/** What an upload request came to: its refusal, or its go-ahead and where its bytes go. */
public sealed interface UploadStart {

    record Refused(Response.Failure failure) implements UploadStart {
    }

    /**
     * The reply that asks for the bytes, and the upload they are written to; the front hands it
     * to {@link Application#finishUpload} once they are all written, or closes it if they never come.
     */
    record Accepted(Response.UploadReady reply, Upload upload) implements UploadStart {
    }
}
