package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.error.ChamadaException;
import chamada.i18n.HumanSize;
import chamada.i18n.HumanTime;
import chamada.materials.Material;
import chamada.materials.MaterialName;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.util.List;
import java.util.Map;

/**
 * A class's materials for its teacher, {@code /classes/CLASS/materials}: the files published,
 * each a link to download it and a button that removes it, and a zone that publishes the files
 * dropped on it or chosen, several at once, each with its progress (the script sends each as a
 * {@code PUT /classes/CLASS/materials/NAME}, answered by {@link ApiHandler#publish} as the JSON
 * API answers its own).
 */
final class MaterialsPage {

    /** The remove form's field: the material's name. */
    static final String FILE_FIELD = "file";
    /** The header that carries the page's form token with an upload, as the field does with a form. */
    static final String FORM_TOKEN_HEADER = "X-Form-Token";

    private final Application application;
    private final Pages pages;
    private final ApiHandler api;

    MaterialsPage(Application application, Pages pages, ApiHandler api) {
        this.application = application;
        this.pages = pages;
        this.api = api;
    }

    void page(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback,
              Session session, ClassId classId) throws Exception {
        send(request, response, callback, session, classId, "");
    }

    void upload(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                Callback callback, Session session, ClassId classId) {
        api.publish(request, response, callback, session, classId.toString());
    }

    void remove(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                Callback callback, Session session, ClassId classId, Fields fields) throws Exception {
        String file = fields.getValue(FILE_FIELD);
        String result;
        try {
            Response reply = PageRequests.ask(application, session,
                    new Request.RemoveMaterial(classId, new MaterialName(file == null ? "" : file)));
            result = reply instanceof Response.MaterialRemoved removed
                    ? WebText.MATERIAL_REMOVED.format(session.lang(), removed.file())
                    : ((Response.Refusal) reply).message();
        } catch (ChamadaException e) {
            result = e.message(session.lang());
        }
        send(request, response, callback, session, classId, result);
    }

    private void send(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                      Callback callback, Session session, ClassId classId, String result) throws Exception {
        Response reply = PageRequests.ask(application, session, new Request.Materials(classId));
        List<Material> materials = reply instanceof Response.Materials listed ? listed.materials() : List.of();
        pages.send(request, response, callback, HttpStatus.OK_200, "materials.jte", Map.of(
                "classNumber", classId.toString(),
                "result", reply instanceof Response.Refusal refusal ? refusal.message() : result,
                "materials", materials.stream().map(material -> List.of(material.name().value(),
                        StudentClassPage.link(classId, material), HumanSize.format(material.size()),
                        HumanTime.format(material.publishedAt()), material.publishedBy().value(),
                        material.sha256())).toList(),
                "formToken", BrowserCookies.formToken(request, response)));
    }
}
